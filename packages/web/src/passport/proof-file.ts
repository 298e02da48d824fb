// The passport as one offline proof file: a link to download it from the
// server (/l/{lot}/proof?d=…), and a file input that checks such a file here,
// in the browser, with the shared verifier (verifyLotProof) and nothing
// fetched: an inspector can keep the file and check it later without any
// network, or check one someone hands over.
import { LOT_PROOF_MAX_BYTES, type LotProofVerification, verifyLotProof } from '@alutrace/shared';
import { h } from './dom';
import type { Label } from './load-passport';
import type { PassportText } from './passport-text';

export function proofUrl(label: Label): string {
  return `/l/${encodeURIComponent(label.lotId)}/proof?d=${encodeURIComponent(label.digest)}`;
}

export type FileChecked =
  | { status: 'checked'; name: string; result: LotProofVerification }
  | { status: 'unreadable'; name: string; detail: string };

/** Reads and checks a proof file; `key` is the key built into the page, else the file's own is used. */
export async function checkProofFile(file: File, key: string | undefined): Promise<FileChecked> {
  if (file.size > LOT_PROOF_MAX_BYTES)
    return { status: 'unreadable', name: file.name, detail: `> ${LOT_PROOF_MAX_BYTES} B` };
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { status: 'unreadable', name: file.name, detail: (e as Error).message };
  }
  const result = verifyLotProof(text, key === undefined ? {} : { verifierKey: key });
  if (!result.passport) return { status: 'unreadable', name: file.name, detail: result.checks[0]?.detail ?? '' };
  return { status: 'checked', name: file.name, result };
}

/** The officials who cosigned the checkpoint a lot's proof file leads to (their keys as the file names them). */
export interface Witnessed {
  treeSize: number;
  cosigners: { name: string; timestamp: number }[];
}

/**
 * Fetches the lot's proof file and checks it with the key the passport was checked with: the
 * server proves to the newest checkpoint officials cosigned that covers the lot, so its
 * cosignatures are the ones to show. Null when it cannot be had or does not verify (the badge
 * already stands on its own).
 */
export async function loadWitnessed(label: Label, key: string): Promise<Witnessed | null> {
  try {
    const res = await fetch(proofUrl(label), { headers: { accept: 'application/json' } });
    if (!res.ok) return null;
    const result = verifyLotProof(await res.text(), { verifierKey: key, digest: label.digest });
    if (!result.valid || !result.checkpoint) return null;
    return {
      treeSize: result.checkpoint.treeSize,
      cosigners: result.cosigners
        .filter((c) => c.status === 'pass')
        .map((c) => ({ name: c.name, timestamp: c.timestamp })),
    };
  } catch {
    return null;
  }
}

const utc = (seconds: number): string => `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function renderWitnessed(w: Witnessed, t: PassportText): HTMLElement {
  return h(
    'section',
    { class: 'passport-card', 'data-testid': 'witnessed' },
    h('h2', null, t.witnessedTitle),
    w.cosigners.length === 0
      ? h('p', null, t.notCosigned)
      : h(
          'div',
          null,
          h('p', null, t.witnessedLead(w.treeSize)),
          h(
            'ul',
            null,
            w.cosigners.map((c) => h('li', { class: 'passport-check-pass' }, `✓ ${c.name} · ${utc(c.timestamp)}`)),
          ),
          h('p', { class: 'passport-note' }, t.cosignerNote),
        ),
  );
}

/** The card: download (when the page has a label) and check a file. */
export function renderProofCard(
  label: Label | null,
  t: PassportText,
  onFile: (file: File) => void,
  unreadable: { name: string; detail: string } | null,
): HTMLElement {
  const input = h('input', {
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'proof-file',
    id: 'proof-file',
  });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  });
  return h(
    'section',
    { class: 'passport-card passport-proof', 'data-testid': 'proof-card' },
    h('h2', null, t.proofTitle),
    label
      ? h(
          'p',
          null,
          h('a', { href: proofUrl(label), download: '', 'data-testid': 'proof-download' }, t.proofDownload),
          h('br', null),
          h('span', { class: 'passport-note' }, t.proofDownloadHint),
        )
      : null,
    h('label', { for: 'proof-file', class: 'passport-proof-open' }, t.proofOpen),
    input,
    h('p', { class: 'passport-note' }, t.proofOpenHint),
    unreadable
      ? h(
          'p',
          { class: 'passport-proof-error', role: 'alert', 'data-testid': 'proof-unreadable' },
          `${t.proofUnreadable(unreadable.name)} ${unreadable.detail}`,
        )
      : null,
  );
}

/** Above a passport read from a file: where it came from, and who says they cosigned its checkpoint. */
export function renderFileNote(name: string, result: LotProofVerification, t: PassportText): HTMLElement {
  return h(
    'section',
    { class: 'passport-card passport-from-file', 'data-testid': 'from-file' },
    h('p', null, h('strong', null, t.fromFile(name))),
    result.checkpoint ? h('p', { class: 'passport-note' }, t.fileCheckpoint(result.checkpoint.treeSize)) : null,
    result.cosigners.length > 0
      ? h(
          'div',
          { 'data-testid': 'cosigners' },
          h('p', null, h('strong', null, t.cosignedBy)),
          h(
            'ul',
            null,
            result.cosigners.map((c) =>
              h(
                'li',
                { class: `passport-check-${c.status}` },
                c.status === 'pass'
                  ? `✓ ${c.name} · ${new Date(c.timestamp * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`
                  : `✗ ${c.name}: ${c.detail}`,
              ),
            ),
          ),
          h('p', { class: 'passport-note' }, t.cosignerNote),
        )
      : h('p', { class: 'passport-note' }, t.notCosigned),
  );
}
