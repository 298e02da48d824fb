// The `lifecycle` scenario: the scrap lifecycle's performance targets, each
// figure next to a baseline measured in the same run.
//
//   domain  collections/s through recordCollection vs bare ledger appends of the same size
//   http    collection.record over HTTP (API token, 16 connections) vs one-row FULL commits
//   trace   lots.trace p99 through 5 stages from 10,000 collection lots vs lots.get / an indexed select
//   list    lots.list p99 on a 1,000,000-event ledger vs a primary-key select
//   demo    `alutrace demo`'s load time vs bare appends of as many entries
//
// `--only trace,list` runs some of them. Each measurement runs in a process
// of its own (child.ts), or against a server in one (http).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchOptions, LIFECYCLE_PARTS, type LifecyclePart } from '../bench-options';
import type { ScenarioIo, ScenarioOutput } from '../ledger/ledger-scenario';
import type { Section } from '../report/section';
import { runDemoPart } from './demo-part';
import { runDomainPart } from './domain-part';
import { runHttpPart } from './http-part';
import { runListPart } from './list-part';
import { runTracePart } from './trace-part';

export interface PartContext {
  options: BenchOptions;
  io: ScenarioIo;
  /** A fresh temporary directory for this run. */
  workDir: string;
}

type Part = (ctx: PartContext) => Promise<Section[]>;

const PARTS: Record<LifecyclePart, Part> = {
  domain: runDomainPart,
  http: runHttpPart,
  trace: runTracePart,
  list: runListPart,
  demo: runDemoPart,
};

export async function runLifecycleScenario(options: BenchOptions, io: ScenarioIo): Promise<ScenarioOutput> {
  const names = LIFECYCLE_PARTS.filter((p) => !options.only || options.only.includes(p));
  const workDir = mkdtempSync(join(options.workDir ?? tmpdir(), 'alutrace-bench-lifecycle-'));
  const header = [`parts     ${names.join(', ')} (select with --only)`];
  io.headerLines(header);
  const sections: Section[] = [];
  try {
    for (const name of names) {
      io.progress(`— ${name}`);
      for (const section of await PARTS[name]({ options, io, workDir })) {
        sections.push(section);
        io.emit(section);
      }
    }
  } finally {
    if (options.keep) io.progress(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  return { header, sections };
}
