// Reads a V8 CPU profile (.cpuprofile, as written by `node --cpu-prof` or
// the inspector's Profiler.stop) and says where the time went: self time
// per function, and time per package (the node_modules package, or the
// project's own file, that was on top of the stack).
//
//   node --import tsx bench/report/cpu-profile.ts FILE.cpuprofile [N]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Cost {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of the time the thread was idle (waiting in epoll). */
  idleShare: number;
  topFunctions: Cost[];
  byPackage: Cost[];
  /** Time with the named function anywhere on the stack (inclusive). */
  inclusive: Cost[];
}

export function summarizeProfile(profile: CpuProfile, top = 15, watch: string[] = []): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let totalUs = 0;
  let idleUs = 0;
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    totalUs += us;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') idleUs += us;
    const key = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const p = packageOf(frame.url, frame.functionName);
    pkg.set(p, (pkg.get(p) ?? 0) + us);
    if (watch.length > 0) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at)?.callFrame.functionName ?? '';
        if (watch.includes(name) && !seen.has(name)) {
          seen.add(name);
          incl.set(name, (incl.get(name) ?? 0) + us);
        }
      }
    }
  }
  const costs = (m: Map<string, number>, n: number): Cost[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / totalUs }));
  return {
    totalMs: totalUs / 1000,
    idleShare: idleUs / totalUs,
    topFunctions: costs(fn, top),
    byPackage: costs(pkg, top),
    inclusive: costs(incl, watch.length),
  };
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  const src = url.indexOf('/packages/');
  return src >= 0 ? url.slice(src + 1) : url.replace(/^file:\/\//, '');
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return 'node:internal';
  const src = url.indexOf('/packages/');
  return src >= 0 ? url.slice(src + 1) : url;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const [file, n, ...watch] = process.argv.slice(2);
  if (!file) {
    console.error('usage: cpu-profile.ts FILE.cpuprofile [N] [FUNCTION …]');
    process.exit(2);
  }
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(n ?? 25), watch);
  const line = (c: Cost): string =>
    `${(c.share * 100).toFixed(1).padStart(5)} %  ${c.ms.toFixed(0).padStart(6)} ms  ${c.name}`;
  console.log(`${summary.totalMs.toFixed(0)} ms sampled, ${(summary.idleShare * 100).toFixed(1)} % idle\n`);
  console.log('self time by function:');
  for (const c of summary.topFunctions) console.log(line(c));
  console.log('\nself time by package / file:');
  for (const c of summary.byPackage) console.log(line(c));
  if (summary.inclusive.length > 0) {
    console.log('\ninclusive time:');
    for (const c of summary.inclusive) console.log(line(c));
  }
}
