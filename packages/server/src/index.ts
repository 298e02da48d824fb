// The server package's public surface, for the CLI, the tests and the web
// app (which imports only `type AppRouter`).
export type { App } from './app/create-app';
export { createApp } from './app/create-app';
export { type RunningServer, startServer } from './app/start-server';
export { runCli } from './cli/main';
export { CONFIG_VARIABLES, type Config, ConfigError, loadConfig } from './config';
export { openDatabase } from './db/open-database';
export { AppError } from './errors';
export { buildServer } from './http/build-server';
export { exportLedger } from './ledger/export/export-ledger';
export { verifyExportFile } from './ledger/export/verify-export';
export type { Ledger } from './ledger/ledger';
export { databasePath, openLedger } from './ledger/open-ledger';
export { verifyLedger } from './ledger/verify-ledger';
export { createLogger } from './logger';
export type { AppRouter } from './routers';
export { appRouter } from './routers';
export { createContextInner } from './trpc/context';
export { createCallerFactory } from './trpc/trpc';
