// Verify workers run plain JavaScript: the worker's module graph (the shared
// package, @noble/hashes, the range verifier) is bundled once per process
// with esbuild. Registering a TypeScript loader in every worker instead costs
// each one some 50 MB and 0.4 s before it verifies anything.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SOURCE = fileURLToPath(new URL('./verify-worker.ts', import.meta.url));
// Inside the server package, so that the bundle finds better-sqlite3 (a native
// addon, not bundled) in the package's node_modules.
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/alutrace', import.meta.url));

let script: Promise<string> | null = null;

/** The path of the bundled worker script, built on first use. */
export function verifyWorkerScript(): Promise<string> {
  script ??= bundle().catch((e: unknown) => {
    script = null;
    throw e;
  });
  return script;
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no verify worker');
  // Named by content: processes sharing the directory never overwrite a bundle in use with another.
  const name = `verify-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const file = join(CACHE_DIR, name);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    if (readFileSync(file).equals(code)) return file;
  } catch {
    // not there yet
  }
  writeFileSync(`${file}.${process.pid}.tmp`, code, { mode: 0o600 });
  renameSync(`${file}.${process.pid}.tmp`, file);
  return file;
}
