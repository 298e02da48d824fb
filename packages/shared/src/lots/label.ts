// What a lot's QR label holds: `{public URL}/l/{lot id}?d={digest}`, the
// digest being the first 10 characters (base32, RFC 4648, lower case) of the
// leaf hash of the entry that created the lot. A label copied onto another
// lot, or printed for a lot that was never recorded, fails the check.
import { hexToBytes } from '../bytes';
import { parseLotId } from './lot-id';

export const LABEL_DIGEST_LENGTH = 10;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 §6 base32, lower case, without padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** The label digest of a lot, from the hex leaf hash of the entry that created it. */
export function labelDigest(creatingLeafHashHex: string): string {
  return base32(hexToBytes(creatingLeafHashHex)).slice(0, LABEL_DIGEST_LENGTH);
}

export function labelUrl(publicUrl: string, lotId: string, digest: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/l/${encodeURIComponent(lotId)}?d=${digest}`;
}

export type ScannedLabel = { ok: true; lotId: string; digest: string | null } | { ok: false; reason: 'not_a_label' };

const DIGEST_PATTERN = new RegExp(`^[a-z2-7]{${LABEL_DIGEST_LENGTH}}$`);

/**
 * Reads what a scanner or a person gave: a label URL from any host (labels
 * outlive a server's address), a bare lot id, or a lot id and digest
 * separated by a space, `?d=`, `#` or `/`.
 */
export function parseLabel(text: string): ScannedLabel {
  const input = text.trim();
  let idPart = input;
  let digestPart: string | null = null;
  const url = /^https?:\/\//i.test(input) ? safeUrl(input) : null;
  if (url) {
    const m = /\/l\/([^/]+)\/?$/.exec(url.pathname);
    if (!m) return { ok: false, reason: 'not_a_label' };
    idPart = safeDecode(m[1] as string);
    digestPart = url.searchParams.get('d');
  } else {
    const m = /^(\S+?)(?:\s+|\?d=|#|\/)([A-Za-z2-7]+)$/.exec(input);
    if (m) [idPart, digestPart] = [m[1] as string, m[2] as string];
  }
  const lot = parseLotId(idPart);
  if (!lot) return { ok: false, reason: 'not_a_label' };
  const lotId = `${lot.site}-${lot.day}-${String(lot.sequence).padStart(4, '0')}`;
  const digest = digestPart === null ? null : digestPart.toLowerCase();
  if (digest !== null && !DIGEST_PATTERN.test(digest)) return { ok: false, reason: 'not_a_label' };
  return { ok: true, lotId, digest };
}

export type DigestCheck = 'match' | 'mismatch' | 'absent';

/** Compares a scanned digest with the lot's own; a missing digest is not a match. */
export function checkLabelDigest(scanned: string | null, expected: string): DigestCheck {
  if (scanned === null) return 'absent';
  return scanned === expected ? 'match' : 'mismatch';
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
