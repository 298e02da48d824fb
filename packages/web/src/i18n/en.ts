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
    admin: 'Admin',
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
    never: 'Never',
    cancel: 'Cancel',
    save: 'Save',
    edit: 'Edit',
    working: 'Working…',
    actions: 'Actions',
  },
  form: {
    required: 'Required.',
    optional: 'Optional.',
    checkFields: 'Correct the fields marked below.',
  },
  flash: {
    signedOut: 'You have signed out.',
    sessionEnded:
      'Your session has ended (signed out elsewhere, revoked, or idle too long). Sign in again to return to the page you were on.',
    passwordChanged:
      'Your password was changed. You are signed out on every other device and browser; this one stays signed in.',
    dismiss: 'Dismiss',
  },
  account: {
    signIn: 'Sign in',
    allSites: 'All sites',
    noSites: 'No site assigned',
    sitesTitle: 'Your sites',
    myAccount: 'My account',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  login: {
    title: 'Sign in',
    intro: 'Sign in with the username and password your administrator gave you.',
    username: 'Username',
    password: 'Password',
    showPassword: 'Show password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    lostPassword: 'Forgot your password? Ask your administrator to reset it.',
  },
  password: {
    title: 'Change password',
    forcedTitle: 'Choose your own password first',
    forcedIntro:
      'Your current password was set by an administrator or generated, so someone else may have seen it. Choose a new one that only you know before you continue.',
    current: 'Current password',
    new: 'New password',
    repeat: 'Repeat the new password',
    hint: 'At least {{min}} characters. A long phrase you can remember is safer than a short complicated one.',
    tooShort: 'The new password needs at least {{min}} characters.',
    mismatch: 'The two new passwords differ.',
    submit: 'Change password',
    submitting: 'Changing…',
  },
  accountPage: {
    title: 'My account',
    profile: 'Account',
    username: 'Username',
    displayName: 'Display name',
    role: 'Role',
    sites: 'Sites',
  },
  sessions: {
    title: 'Sessions',
    intro: 'Where you are signed in now. If you do not recognise a device, revoke it and change your password.',
    device: 'Device',
    ip: 'IP address',
    signedInAt: 'Signed in',
    lastSeen: 'Last active',
    endsAt: 'Ends',
    thisDevice: 'This device',
    unknownDevice: 'Unknown device',
    revoke: 'Revoke',
    signOutHere: 'Sign out here',
    confirmCurrentTitle: 'Sign out on this device?',
    confirmCurrent: 'Revoking the session of this device signs you out at once.',
  },
  forbidden: {
    title: 'You may not open this page',
    onlyFor: 'This page is for {{roles}} only.',
    yourRole: 'Your role is {{role}}. Ask an administrator if you need access.',
    backHome: 'Back to the ledger',
  },
  secret: {
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Could not copy automatically; select it and copy it by hand.',
    onlyOnce: 'This is the only time it is shown.',
    keepIt: 'Once you close this you will not see it again; if it is lost, a new one must be made.',
    done: 'I have kept it safe',
  },
  admin: {
    title: 'Admin',
    tabsLabel: 'Admin sections',
    status: 'Status',
    active: 'Active',
    inactive: 'Deactivated',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    users: {
      title: 'Users',
      create: {
        title: 'New user',
        submit: 'Create user',
        createdWithPassword:
          'User {{username}} was created. Give them the password you chose; they must change it when they first sign in.',
      },
      form: {
        username: 'Username',
        usernameHint: 'For signing in; cannot be changed later. Letters, digits, ".", "_" and "-".',
        usernameTaken: 'The username {{username}} is taken (case does not matter).',
        displayName: 'Display name',
        role: 'Role',
        sites: 'Sites',
        sitesHint: '{{role}}: acts for sites of kind {{kinds}}.',
        sitesRequired: 'Choose at least one site.',
        noSites: 'There is no active site to assign yet (kinds needed: {{kinds}}). Create one first:',
        sitesNotNeeded: '{{role}}: reads the entries of every site, so no site is assigned.',
        password: 'Initial password',
        passwordHint:
          'Leave empty to have one generated and shown once. If you choose one, at least {{min}} characters. Either way the user must change it at first sign-in.',
      },
      table: {
        title: 'All users',
        lastLogin: 'Last sign-in',
        mustChange: 'Must change password',
      },
      edit: {
        title: 'Edit user {{username}}',
      },
      deactivate: {
        title: 'Deactivate user {{username}}?',
        message:
          'They will not be able to sign in, and all their sessions end at once. Their ledger entries stay; you can reactivate them later.',
      },
      reactivate: {
        title: 'Reactivate user {{username}}?',
        message: 'They will be able to sign in with their password again.',
      },
      reset: {
        button: 'Reset password',
        title: 'Reset the password of {{username}}?',
        message:
          'A new password is generated. All their sessions end at once, and they must change the password when they next sign in.',
        doneTitle: 'Password of {{username}} reset',
      },
      secret: {
        createdTitle: 'User {{username}} created',
        resetTitle: 'New password of {{username}}',
        label: 'Password',
        handOver:
          'Hand it over in person or through a channel you trust. They will choose their own password when they first sign in.',
      },
    },
    tokens: {
      title: 'API tokens',
      intro:
        'Weighbridge PCs, scanners and other systems call the API with a token. Each token has one role (never administrator); operator and recycler tokens act for one site.',
      create: {
        title: 'New token',
        submit: 'Create token',
      },
      form: {
        name: 'Name',
        nameHint: 'Where it is used, e.g. "PG01 weighbridge PC".',
        role: 'Role',
        roleHint: 'Tokens never have the administrator role.',
        site: 'Site',
        chooseSite: 'Choose a site',
        siteRequired: 'Choose a site.',
      },
      table: {
        title: 'All tokens',
        created: 'Created',
        by: 'by {{user}}',
        lastUsed: 'Last used',
        valid: 'Valid',
        revokedAt: 'Revoked {{at}}',
        empty: 'No API tokens yet.',
      },
      revoke: {
        button: 'Revoke',
        title: 'Revoke token "{{name}}"?',
        message:
          'Devices using this token lose access to the API at once. A revoked token cannot be restored; the device will need a new one.',
      },
      secret: {
        title: 'Token "{{name}}" created',
        label: 'Token',
        usage: 'Configure it on the device. The device sends this header with every request:',
      },
    },
    sites: {
      title: 'Sites',
      create: {
        title: 'New site',
        submit: 'Create site',
        done: 'Site {{site}} was created.',
      },
      form: {
        code: 'Site code',
        codeHint: 'A capital letter, then capitals and digits, 2–12 in all, e.g. PG01. Cannot be changed later.',
        codeInvalid: 'A site code starts with a capital letter and has 2–12 capitals and digits, e.g. PG01.',
        codeTaken: 'A site with code {{code}} exists already.',
        kind: 'Kind',
        nameZh: 'Chinese name',
        nameEn: 'English name',
        district: 'District',
      },
      table: {
        title: 'All sites',
        empty: 'No sites yet.',
      },
      edit: {
        title: 'Edit site {{code}}',
      },
      deactivate: {
        title: 'Deactivate site {{site}}?',
        message:
          'Users and tokens can no longer act for it, and it cannot be assigned to users. Its ledger entries stay.',
      },
      reactivate: {
        title: 'Reactivate site {{site}}?',
        message: 'Users and tokens assigned to it can act for it again.',
      },
    },
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
    picker: {
      label: 'Site',
      all: 'All sites',
    },
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
      signIn:
        'Signed in, {{roles}} can run a full verification here. Your browser has already checked the signature of the checkpoint above, no sign-in needed.',
      notAllowed:
        'Only {{roles}} can run a full verification. As {{role}} you can rely on the signature check your browser made of the checkpoint above.',
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
      emptySite: 'Site {{site}} has no entries yet.',
      siteEntries: 'Entries of site {{site}}, newest first',
      signIn: 'Sign in to see the ledger entries; site users see those of their sites.',
      noSites:
        'You are not assigned to any active site, so there are no entries for you to see. Ask your administrator.',
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
