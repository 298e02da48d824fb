// The public passport page, /l/{lot id}?d={digest}: no sign-in, no app
// shell. It fetches the passport, checks it here in the browser with the
// shared verifier (verifyPassport: every entry's bytes → leaf hash →
// inclusion proof → the signed checkpoint → the verifier key, and the label
// digest), and shows the figures with the verdict. Plain DOM on purpose:
// this entry must stay far under 150 kB of gzipped JavaScript.
import './passport.css';
import {
  bytesToHex,
  type Passport,
  type PassportVerification,
  parseVerifierKey,
  verifyPassport,
} from '@alutrace/shared';
import { h } from './dom';
import { type Label, type Loaded, loadPassport, readLabel } from './load-passport';
import { type PassportLanguage, TEXT } from './passport-text';
import {
  checkProofFile,
  type FileChecked,
  loadWitnessed,
  renderFileNote,
  renderProofCard,
  renderWitnessed,
  type Witnessed,
} from './proof-file';
import { renderFacts, renderTrace } from './render-passport';
import { renderVerification } from './render-verification';

/**
 * A verifier key built into the page (VITE_ALUTRACE_VERIFIER_KEY at build time, the output of
 * `alutrace key`): then the checkpoint is checked against it, not against the key the passport names.
 */
const PINNED_KEY: string | undefined = import.meta.env.VITE_ALUTRACE_VERIFIER_KEY || undefined;

// The same key as the app's language switch, so that the choice carries over.
const STORAGE_KEY = 'alutrace.language';

type View =
  | { status: 'loading' }
  | { status: 'unverifiable' }
  | { status: 'unreachable' }
  | {
      status: 'ok';
      passport: Passport;
      verification: PassportVerification;
      key: { text: string; id: string | null; pinned: boolean };
      /** Read from a proof file the reader opened, not from the server. */
      file?: Extract<FileChecked, { status: 'checked' }>;
    };

let language: PassportLanguage = storedLanguage();
let view: View = { status: 'loading' };
let label: Label | null = null;
let unreadable: { name: string; detail: string } | null = null;
/** Who cosigned a checkpoint covering the lot, from its proof file, fetched once the badge shows. */
let witnessed: Witnessed | null = null;

function storedLanguage(): PassportLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function switchLanguage(): void {
  language = language === 'zh' ? 'en' : 'zh';
  try {
    localStorage.setItem(STORAGE_KEY, language === 'zh' ? 'zh-CN' : 'en');
  } catch {
    // Not remembered, but switched for this visit.
  }
  render();
}

function keyIdOf(key: string): string | null {
  try {
    return bytesToHex(parseVerifierKey(key).keyId);
  } catch {
    return null;
  }
}

function verified(passport: Passport, label: Label): View {
  const key = PINNED_KEY ?? passport.checkpoint.verifierKey;
  let verification: PassportVerification;
  try {
    verification = verifyPassport(passport, key, { digest: label.digest });
  } catch (e) {
    // A passport too malformed to walk is a failed check, not a crash.
    verification = { valid: false, checks: [{ check: 'entry', status: 'fail', detail: (e as Error).message }] };
  }
  return {
    status: 'ok',
    passport,
    verification,
    key: { text: key, id: keyIdOf(key), pinned: PINNED_KEY !== undefined },
  };
}

async function openFile(file: File): Promise<void> {
  const checked = await checkProofFile(file, PINNED_KEY);
  if (checked.status === 'unreadable') {
    unreadable = { name: checked.name, detail: checked.detail };
  } else {
    unreadable = null;
    const passport = checked.result.passport as Passport;
    const key = PINNED_KEY ?? passport.checkpoint.verifierKey;
    view = {
      status: 'ok',
      passport,
      verification: checked.result,
      key: { text: key, id: keyIdOf(key), pinned: PINNED_KEY !== undefined },
      file: checked,
    };
  }
  render();
}

function render(): void {
  const t = TEXT[language];
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  const root = document.getElementById('passport') as HTMLElement;
  const header = h(
    'header',
    { class: 'passport-header' },
    h('span', { class: 'passport-brand' }, language === 'zh' ? '铝溯源' : 'alutrace'),
    h('button', { type: 'button', class: 'passport-lang', lang: language === 'zh' ? 'en' : 'zh-CN' }, t.switchTo),
  );
  header.querySelector('button')?.addEventListener('click', switchLanguage);
  const body: HTMLElement[] = [];
  if (view.status === 'loading') {
    document.title = `${t.title} · alutrace`;
    body.push(h('p', { class: 'passport-loading' }, t.loading));
  } else if (view.status === 'unverifiable') {
    document.title = `${t.unverifiable} · alutrace`;
    body.push(
      h(
        'section',
        { class: 'passport-badge passport-badge-failed', 'data-testid': 'unverifiable' },
        h('h1', { class: 'passport-verdict' }, t.unverifiable),
        h('p', null, t.unverifiableHint),
      ),
    );
  } else if (view.status === 'unreachable') {
    document.title = `${t.title} · alutrace`;
    const retry = h('button', { type: 'button', class: 'passport-retry' }, t.retry);
    retry.addEventListener('click', () => void start());
    body.push(
      h('section', { class: 'passport-card', 'data-testid': 'unreachable' }, h('p', null, t.unreachable), retry),
    );
  } else {
    const { passport: p } = view;
    document.title = `${p.lot.lotId} · ${t.title}`;
    body.push(
      h(
        'h1',
        { class: 'passport-title' },
        h('small', null, t.title),
        h('span', { 'data-testid': 'lot-id' }, p.lot.lotId),
      ),
    );
    if (view.file) {
      body.push(renderFileNote(view.file.name, view.file.result, t));
      if (label) {
        const back = h('button', { type: 'button', class: 'passport-retry' }, t.backToLabel);
        back.addEventListener('click', () => void start());
        body.push(back);
      }
    }
    body.push(
      renderVerification(p, view.verification, view.key, t),
      ...(view.file ? [] : [h('div', { id: 'witnessed-slot' }, witnessed ? renderWitnessed(witnessed, t) : null)]),
      renderFacts(p, language, t),
      renderTrace(p, language, t),
    );
  }
  if (view.status !== 'loading') {
    const download = view.status === 'ok' && !view.file ? label : null;
    body.push(renderProofCard(download, t, (file) => void openFile(file), unreadable));
  }
  root.replaceChildren(header, ...body, h('footer', { class: 'passport-footer' }, t.footer));
}

async function start(): Promise<void> {
  label = readLabel(window.location);
  unreadable = null;
  witnessed = null;
  view = { status: 'loading' };
  render();
  const loaded: Loaded = label ? await loadPassport(label) : { status: 'unverifiable' };
  view =
    loaded.status === 'ok' && label
      ? verified(loaded.passport, label)
      : { status: loaded.status === 'ok' ? 'unverifiable' : loaded.status };
  render();
  if (view.status === 'ok' && view.verification.valid && label) {
    // After the badge: the officials' cosignatures come with the proof file, checked here like the rest.
    const found = await loadWitnessed(label, view.key.text);
    if (found && view.status === 'ok' && !view.file) {
      witnessed = found;
      // Into its place only: a full render would replace the file input the reader may be using.
      document.getElementById('witnessed-slot')?.replaceChildren(renderWitnessed(found, TEXT[language]));
    }
  }
}

void start();
