// `pnpm dev`: the API server and Vite's dev server together, their output
// interleaved with a prefix, both stopped by one Ctrl+C. Vite proxies /trpc
// and /healthz to the API server (packages/web/vite.config.ts), so the app is
// opened at Vite's address.
//
//   PORT               API server port (default 8080)
//   WEB_PORT           Vite dev server port (default 5173)
//   ALUTRACE_DATA_DIR  ledger data directory (default ./data)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.PORT ?? '8080';
const webPort = process.env.WEB_PORT ?? '5173';
const webUrl = `http://localhost:${webPort}`;
const isWindows = process.platform === 'win32';
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;

const env = {
  ...process.env,
  PORT: apiPort,
  WEB_PORT: webPort,
  ALUTRACE_DATA_DIR: process.env.ALUTRACE_DATA_DIR ?? './data',
  // The browser is on Vite's address: that is the Origin the server sees and the address labels should carry.
  ALUTRACE_PUBLIC_URL: process.env.ALUTRACE_PUBLIC_URL ?? webUrl,
};

const banner = `alutrace dev: open ${webUrl}  (API on http://localhost:${apiPort}, data in ${env.ALUTRACE_DATA_DIR}; Ctrl+C stops both)`;

const services = [
  { name: 'api', colour: 36, args: ['-s', 'alutrace', 'serve'] },
  // Vite's start-up lines scroll the banner away, so it is repeated once Vite is ready.
  { name: 'web', colour: 35, args: ['-s', '--filter', '@alutrace/web', 'dev'], readyLine: /ready in/ },
];

function prefix(name, colour) {
  return useColour ? `\u001b[${colour}m[${name}]\u001b[0m ` : `[${name}] `;
}

function pipeLines(stream, out, label, readyLine) {
  createInterface({ input: stream }).on('line', (line) => {
    out.write(`${label}${line}\n`);
    if (readyLine?.test(line)) process.stdout.write(`\n${banner}\n\n`);
  });
}

let stopping = false;
let exitCode = 0;

const children = services.map(({ name, colour, args, readyLine }) => {
  const child = spawn('pnpm', args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it reaches pnpm's children (tsx, node, vite) too.
    detached: !isWindows,
    shell: isWindows,
  });
  const label = prefix(name, colour);
  pipeLines(child.stdout, process.stdout, label, readyLine);
  pipeLines(child.stderr, process.stderr, label);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${label}stopped (${signal ?? `exit code ${code}`}); stopping the other service.\n`);
      exitCode = code || 1;
      stopAll();
    }
    if (children.every(hasExited)) process.exit(exitCode);
  });
  return child;
});

function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** The first call asks politely; a second Ctrl+C (something hangs) insists. */
function stopAll() {
  const signal = stopping ? 'SIGKILL' : 'SIGINT';
  stopping = true;
  for (const child of children) {
    if (hasExited(child)) continue;
    try {
      // SIGINT, as Ctrl+C would send: the API server finishes requests, signs a pending checkpoint and closes the database.
      if (isWindows) child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

process.stdout.write(`\n${banner}\n\n`);
