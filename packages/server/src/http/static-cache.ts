// Cache rules for the built web app. Vite names every file under assets/ by a
// hash of its content, so a name never changes meaning: browsers keep them a
// year without asking (RFC 8246 `immutable`). index.html names the current
// assets, so it is always revalidated (`no-cache` still lets the ETag answer 304).
import { sep } from 'node:path';
import type { SetHeadersResponse } from '@fastify/static';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const HASHED_ASSET = `${sep}assets${sep}`;

/** @fastify/static's `setHeaders`: `path` is the file sent (possibly its .br or .gz copy). */
export function setStaticCacheHeaders(res: SetHeadersResponse, path: string): void {
  res.setHeader('cache-control', path.includes(HASHED_ASSET) ? IMMUTABLE : REVALIDATE);
  // The same URL answers brotli, gzip or identity by Accept-Encoding: caches must key on it.
  res.setHeader('vary', 'accept-encoding');
}
