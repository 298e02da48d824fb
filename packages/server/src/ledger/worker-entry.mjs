// Starts a worker thread on a TypeScript module. Node 20 does not pass the
// parent's --import loaders to workers reliably, so the worker registers tsx
// itself before importing its real entry (workerData.entry).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
