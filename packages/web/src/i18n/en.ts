import type { Messages } from './zh-CN';

export const en: Messages = {
  app: {
    name: 'alutrace',
    tagline: 'Recycled aluminium ledger',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main navigation',
    ledger: 'Ledger',
  },
  language: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English',
  },
  footer: {
    origin: 'Ledger origin: <code>{{origin}}</code>',
    timezone: 'Times are China Standard Time (UTC+8).',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    none: '—',
  },
  errors: {
    title: 'Something went wrong',
    unreachable: 'The server cannot be reached, or its answer was not understood. Check the network and try again.',
    fieldsTitle: 'Fields with problems:',
    pageCrashed: 'The page hit an unexpected error. Reload it; if that does not help, contact your administrator.',
    reload: 'Reload the page',
  },
  notFound: {
    title: 'Page not found',
    message: 'There is no page at {{path}}.',
    backHome: 'Back to the ledger',
  },
  ledger: {
    title: 'Ledger',
    intro:
      'Every weighing, transfer and processing run is appended to this ledger as an entry, never edited. Entries are hash-chained and form a Merkle tree; the server signs checkpoints that anyone can verify independently.',
    head: {
      title: 'Latest signed checkpoint',
      treeSize: 'Tree size (entries)',
      rootHash: 'Root hash',
      signedAt: 'Signed at',
      origin: 'Log name',
      note: 'Signed checkpoint note',
      verifierKey: 'Verifier key',
      keyHint:
        "Compare this key with the one the ledger's operator publishes: the browser can only prove that this key signed the checkpoint.",
    },
    signature: {
      valid: 'Signature valid',
      validDetail:
        "Your browser checked the checkpoint's Ed25519 signature with the key above; its tree size and root hash match what the server reports.",
      invalid: 'Signature NOT valid',
      malformedNote: 'The checkpoint note is malformed and cannot be read.',
      malformedKey: 'The verifier key is malformed and cannot be used.',
      unknownKey: 'The checkpoint carries no signature by this key.',
      badSignature: 'The signature does not match the checkpoint: it was altered or forged.',
      sizeMismatch: 'The checkpoint signs tree size {{signed}}, but the server reports {{reported}}.',
      rootMismatch: 'The checkpoint signs a different root hash than the server reports.',
      originMismatch: 'The checkpoint is for log "{{signed}}", not "{{reported}}".',
    },
    verify: {
      title: 'Verify the ledger',
      hint: "The server recomputes every entry's hash, the hash chain and the Merkle tree nodes, and checks every signed checkpoint.",
      button: 'Verify ledger',
      running: 'Verifying…',
      ok: 'Verified: the ledger is intact',
      failed: 'Verification FAILED',
      entriesChecked: 'Entries checked',
      treeSize: 'Tree size',
      checkpointsChecked: 'Checkpoints verified',
      duration: 'Duration',
      rootHash: 'Root hash',
      unsigned:
        'Entries not yet covered by a signed checkpoint: {{entries}}, the newest ones. The next checkpoint will cover them.',
      failureCode: 'Failure code',
      failureSeq: 'First failing entry',
    },
    entries: {
      title: 'Entries',
      total: 'Total: {{total}}, newest first',
      empty: 'No entries yet.',
      seq: 'Seq',
      recordedAt: 'Recorded at',
      kind: 'Event',
      site: 'Site',
      actor: 'Actor',
      leafHash: 'Leaf hash',
      fullEntry: 'Full entry (the content of its canonical JSON)',
      hashMatches: "Your browser recomputed this entry's leaf hash: it matches the stored one.",
      hashMismatch:
        'The leaf hash your browser recomputed differs from the stored one: this entry was altered after it was written.',
      hashMismatchShort: 'Leaf hash mismatch',
      loadOlder: 'Load older entries',
      loadingOlder: 'Loading…',
      end: 'All entries are shown.',
      refresh: 'Refresh',
    },
  },
};
