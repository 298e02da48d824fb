// The entry point of a lifecycle child process (see child.ts):
//
//   node --import tsx bench/lifecycle/child-main.ts TASK 'JSON ARGUMENTS'
//
// Prints the task's result as one JSON line on stdout; progress goes to stderr.
import { bareAppendLike } from './demo-baseline';
import { type DomainCase, measureDomainCase } from './domain-throughput';
import { buildListLedger } from './list-ledger';
import { type ListQueryArgs, measureLists } from './list-query';
import { measureTrace, type TraceArgs } from './trace-latency';

type Task = (args: never) => Promise<unknown>;

const TASKS: Record<string, Task> = {
  domain: (a: { case: DomainCase; repetitions: number; workDir: string; profileDir?: string }) =>
    measureDomainCase(a.case, a.repetitions, a.workDir, a.profileDir),
  'list-build': (a: { events: number }) => buildListLedger(a.events),
  'list-query': (a: ListQueryArgs) => measureLists(a),
  trace: (a: TraceArgs) => measureTrace(a),
  'demo-baseline': (a: { sourceDb: string; dataDir: string }) => bareAppendLike(a.sourceDb, a.dataDir),
};

const [name, json] = process.argv.slice(2);
const task = name === undefined ? undefined : TASKS[name];
if (!task || json === undefined) {
  console.error(`usage: child-main.ts ${Object.keys(TASKS).join('|')} 'JSON'`);
  process.exit(2);
}
const result = await task(JSON.parse(json) as never);
// Worker threads or timers of the task must not keep the process alive.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
