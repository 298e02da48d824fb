// The JavaScript a page loads before it can run: the entry script of its
// HTML, its modulepreloads, and every chunk those import statically (a lazy
// `import()` is not counted), raw and gzipped as a server would send them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
}

// `import {…} from "./x.js"`, `export … from "./x.js"`, `import "./x.js"`; not `import("./x.js")`.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

export function measureEntry(distDir: string, html: string): BundleSize {
  const page = readFileSync(join(distDir, html), 'utf8');
  const scripts = [
    ...page.matchAll(/<script[^>]*\bsrc="\/([^"]+\.js)"/g),
    ...page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g),
  ].map((m) => m[1] as string);
  const css = [...page.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  const queue = [...scripts];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(distDir, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of text.matchAll(STATIC_IMPORT)) queue.push(normalise(dir + (m[1] as string)));
  }
  const files = [...seen].sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  const cssGzipBytes = css.reduce((n, f) => n + gzipSync(readFileSync(join(distDir, f)), { level: 9 }).length, 0);
  return { files, rawBytes, gzipBytes, cssGzipBytes };
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}
