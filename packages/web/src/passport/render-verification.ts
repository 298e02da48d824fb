// The verification badge: what verifyPassport found, in plain words, and the
// key it checked the signature with, to compare with the one the operator
// publishes (the page cannot know on its own which key to trust).
import type { Passport, PassportCheck, PassportCheckName, PassportVerification } from '@alutrace/shared';
import { h } from './dom';
import type { PassportText } from './passport-text';

export type Verdict = 'verified' | 'failed' | 'pending';

export function verdictOf(v: PassportVerification): Verdict {
  if (v.valid) return 'verified';
  return v.checks.some((c) => c.status === 'fail') ? 'failed' : 'pending';
}

const ORDER: PassportCheckName[] = [
  'checkpoint',
  'leaf-hash',
  'entry',
  'inclusion',
  'label-digest',
  'created',
  'inputs',
  'voided',
  'shipped',
  'history',
];

/** One line per kind of check: failed if any of its checks failed, unchecked if any is unchecked. */
function summarise(
  checks: PassportCheck[],
): { name: PassportCheckName; status: PassportCheck['status']; failed: PassportCheck[] }[] {
  return ORDER.flatMap((name) => {
    const of = checks.filter((c) => c.check === name);
    if (of.length === 0) return [];
    const failed = of.filter((c) => c.status === 'fail');
    const status = failed.length > 0 ? 'fail' : of.some((c) => c.status === 'unchecked') ? 'unchecked' : 'pass';
    return [{ name, status, failed }];
  });
}

const MARK = { pass: '✓', fail: '✗', unchecked: '–' } as const;

export function renderVerification(
  passport: Passport,
  verification: PassportVerification,
  key: { text: string; id: string | null; pinned: boolean },
  t: PassportText,
): HTMLElement {
  const verdict = verdictOf(verification);
  const lines = summarise(verification.checks);
  const lead =
    verdict === 'verified'
      ? t.verifiedLead(passport.entries.length, passport.checkpoint.treeSize)
      : verdict === 'failed'
        ? t.failedLead
        : t.pendingLead;
  const failedList =
    verdict === 'failed'
      ? h(
          'ul',
          { class: 'passport-failures', 'data-testid': 'failed-checks' },
          lines
            .filter((l) => l.status === 'fail')
            .map((l) =>
              h(
                'li',
                null,
                h('strong', null, t.checks[l.name]),
                h(
                  'span',
                  { class: 'passport-detail' },
                  l.failed.map((c) => (c.seq === undefined ? c.detail : `#${c.seq}: ${c.detail}`)).join('; '),
                ),
              ),
            ),
        )
      : null;
  return h(
    'section',
    { class: `passport-badge passport-badge-${verdict}`, 'data-testid': 'verification', 'data-verdict': verdict },
    h(
      'p',
      { class: 'passport-verdict', role: 'status' },
      h(
        'span',
        { class: 'passport-verdict-mark', 'aria-hidden': 'true' },
        verdict === 'verified' ? '✓' : verdict === 'failed' ? '✗' : '…',
      ),
      verdict === 'verified' ? t.verified : verdict === 'failed' ? t.failed : t.pending,
    ),
    h('p', null, lead),
    failedList,
    passport.omittedEntries > 0 ? h('p', { class: 'passport-note' }, t.omitted(passport.omittedEntries)) : null,
    h(
      'details',
      { class: 'passport-checks' },
      h('summary', null, t.whatWasChecked),
      h(
        'ul',
        null,
        lines.map((l) =>
          h(
            'li',
            { class: `passport-check-${l.status}` },
            h('span', { 'aria-hidden': 'true' }, MARK[l.status]),
            ` ${t.checks[l.name]} — ${t.status[l.status]}`,
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'passport-key' },
      h('p', null, h('strong', null, `${t.key}`), key.id ? ` · ${t.keyId} ${key.id}` : ''),
      h('code', { 'data-testid': 'verifier-key' }, key.text),
      h('p', { class: 'passport-note' }, key.pinned ? t.keyPinned : t.keyAdvice),
    ),
  );
}
