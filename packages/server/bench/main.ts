// `pnpm bench SCENARIO [options]`: measures the product next to baselines
// taken in the same run, prints a table per section and, with --json, writes
// the same figures to a file. Not part of `pnpm test`: a full run takes
// minutes and its figures depend on the machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { type BenchOptions, parseBenchOptions, USAGE, UsageError } from './bench-options';
import { runCollectScenario } from './collect/collect-scenario';
import { runCrashScenario } from './crash/crash-scenario';
import { runHttpScenario } from './http/http-scenario';
import { runLedgerScenario, type ScenarioIo, type ScenarioOutput } from './ledger/ledger-scenario';
import { runLifecycleScenario } from './lifecycle/lifecycle-scenario';
import { describeMachine, renderMachine } from './report/machine';
import { renderSection } from './report/print-table';
import { runReportsScenario } from './reports/reports-scenario';
import { runWebScenario } from './web/web-scenario';

type Scenario = (options: BenchOptions, io: ScenarioIo) => Promise<ScenarioOutput>;

const SCENARIOS: Record<string, Scenario> = {
  ledger: runLedgerScenario,
  crash: runCrashScenario,
  http: runHttpScenario,
  lifecycle: runLifecycleScenario,
  reports: runReportsScenario,
  web: runWebScenario,
  collect: runCollectScenario,
};

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw e;
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });
  const scenario = options.scenario === undefined ? undefined : SCENARIOS[options.scenario];
  if (!scenario) {
    console.error(
      `${options.scenario === undefined ? 'no scenario given' : `unknown scenario "${options.scenario}"`}\n\n${USAGE}`,
    );
    return 2;
  }

  const machine = describeMachine();
  console.log(`# alutrace bench: ${options.scenario}${options.quick ? ' (--quick)' : ''}\n`);
  console.log(renderMachine(machine));
  const output = await scenario(options, {
    progress: (message) => console.error(`… ${message}`),
    headerLines: (lines) => console.log(lines.join('\n')),
    emit: (section) => console.log(renderSection(section)),
  });

  const verdicts = output.sections.flatMap((s) => s.verdicts);
  const failed = verdicts.filter((v) => !v.pass);
  console.log(`\n## Targets: ${verdicts.length - failed.length} of ${verdicts.length} pass`);
  for (const v of failed) console.log(`  FAIL  ${v.what} (target ${v.target})`);

  if (options.jsonFile) {
    const { help: _help, ...shown } = options;
    const json = { machine, options: shown, header: output.header, sections: output.sections };
    writeFileSync(options.jsonFile, `${JSON.stringify(json, null, 2)}\n`);
    console.error(`… wrote ${options.jsonFile}`);
  }
  // A missed target is a finding, not an error: the exit status stays 0.
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
