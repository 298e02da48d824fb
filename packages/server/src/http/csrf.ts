// Another web site must not be able to drive a signed-in browser. Changes
// are POST-only with a JSON body (a plain HTML form cannot send one), the
// session cookie is SameSite=Lax, and a POST must come from an allowed
// origin: the public URL's, or the server's own as the browser addressed it.
import type { FastifyRequest } from 'fastify';

export type CsrfVerdict = { ok: true } | { ok: false; detail: string };

export function checkRequestOrigin(req: FastifyRequest, publicUrl: string, cookieName: string): CsrfVerdict {
  const allowed = new Set([new URL(publicUrl).origin]);
  if (req.headers.host) allowed.add(`${req.protocol}://${req.headers.host}`);
  const origin = req.headers.origin;
  if (origin !== undefined) {
    return allowed.has(origin) ? { ok: true } : { ok: false, detail: `Origin ${origin} is not allowed` };
  }
  // No Origin header: only browsers send cookies on their own, and browsers
  // send Origin on POST; a cookie without it is suspicious unless the
  // Referer shows where it came from. Token clients carry no cookie.
  const carriesSession = (req.headers.cookie ?? '').includes(`${cookieName}=`);
  // A Bearer token is judged alone (authenticate.ts), so its request's cookie is ignored; any other
  // Authorization header falls back to the cookie and must not open the door either.
  const bearer = /^Bearer\s+\S+$/i.test(req.headers.authorization ?? '');
  if (!carriesSession || bearer) return { ok: true };
  const referer = req.headers.referer;
  if (!referer) return { ok: false, detail: 'no Origin header' };
  try {
    const from = new URL(referer).origin;
    return allowed.has(from) ? { ok: true } : { ok: false, detail: `Referer ${from} is not allowed` };
  } catch {
    return { ok: false, detail: 'unreadable Referer header' };
  }
}
