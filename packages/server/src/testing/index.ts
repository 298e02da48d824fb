// The server's testing entry point (`@alutrace/server/testing`): what the
// cross-package suites in test/ need to build a world and to attack it,
// so that they never reach into the server's source tree by path. Setting up
// goes through the same domain functions the API calls.

export { systemActor } from '../auth/principal';
export { defineScheme } from '../domain/incentives/schemes';
export { draftStatement, issueStatement } from '../domain/incentives/statements';
export * from '../domain/lifecycle/procedures';
export { createGrade } from '../domain/reference/define-catalog';
export { createSite } from '../domain/sites/create-site';
export { createToken } from '../domain/tokens/create-token';
export { createUser } from '../domain/users/create-user';
export type { BackupManifest } from '../ledger/backup/backup-manifest';
export type { NewEntry } from '../ledger/types';
export { checkDerived } from '../projections/replay';
export { incentiveDeps } from '../routers/incentives';
export { callerOf, lifecycleDeps } from '../routers/lifecycle';
export type { Access } from '../trpc/access';
export { runConcurrentWriters } from './crash/concurrent-writers';
export { type CrashLoopReport, crashSeed, runCrashLoop } from './crash/crash-loop';
export * from './crash/ledger-writes';
export { makeTempDir, sampleEntry, testActor } from './fixtures';
export * from './tamper';
export { startTestServer, type TestServer } from './test-server';
