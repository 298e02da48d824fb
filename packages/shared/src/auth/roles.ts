// Who may do what. The server enforces this table on every procedure; the
// web app reads it only to hide what a user cannot use.

export const ROLES = ['operator', 'recycler', 'utiliser', 'official', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SITE_KINDS = ['collection_point', 'recycler', 'utiliser', 'buyer', 'authority'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/**
 * How far a role's grant of a permission reaches: every site, or only the
 * sites the user (or token) acts for.
 */
export type Reach = 'all' | 'own-sites';

export const PERMISSIONS = {
  /** Read ledger entries: officials and admins all of them, operating roles those of their sites. */
  'ledger:read': { operator: 'own-sites', recycler: 'own-sites', utiliser: 'own-sites', official: 'all', admin: 'all' },
  /** Run a full verification of the ledger. */
  'ledger:verify': { official: 'all', admin: 'all' },
  /** See the list of sites (every signed-in user needs it to pick a site). */
  'sites:read': { operator: 'all', recycler: 'all', utiliser: 'all', official: 'all', admin: 'all' },
  'sites:manage': { admin: 'all' },
  /** Read the catalogue of grades and alloys (every screen that records material needs it). */
  'reference:read': { operator: 'all', recycler: 'all', utiliser: 'all', official: 'all', admin: 'all' },
  /** Create, change and deactivate grades and alloys. */
  'reference:manage': { admin: 'all' },
  'users:manage': { admin: 'all' },
  // ── The scrap lifecycle (DOMAIN.md "Events"; rule 7: only for one's own sites) ──
  /** Weigh scrap and record its seller: a new collection lot. */
  'collections:record': { operator: 'own-sites' },
  /** Send whole lots from a site to another. */
  'transfers:dispatch': { operator: 'own-sites', recycler: 'own-sites' },
  /** Receive the lots of a dispatch, each with the mass the receiving scale showed. */
  'transfers:receive': { recycler: 'own-sites', utiliser: 'own-sites' },
  /** Sorting, shredding, melting, casting … runs. */
  'processing:record': { recycler: 'own-sites' },
  /** Send a dross or slag lot to its route (recovery, cement or refractory, disposal). */
  'byproducts:utilise': { recycler: 'own-sites', utiliser: 'own-sites' },
  /** Ship a recycled-aluminium lot to a buyer. */
  'shipments:record': { recycler: 'own-sites' },
  /** Declare an earlier event wrong (its author, at its site; or an administrator). */
  'corrections:record': { operator: 'own-sites', recycler: 'own-sites', utiliser: 'own-sites', admin: 'all' },
  /** Read lots, their events and their trace: operating roles those that touched their sites. */
  'lots:read': { operator: 'own-sites', recycler: 'own-sites', utiliser: 'own-sites', official: 'all', admin: 'all' },
  /**
   * Read an event's sealed fields (seller, plates, prices): the recording
   * site, the counterpart site, and officials; every read is logged.
   */
  'sealed:read': { operator: 'own-sites', recycler: 'own-sites', utiliser: 'own-sites', official: 'all' },
  /** Find a seller's lots by resident ID number or credit code (through the keyed-hash index). */
  'sellers:search': { operator: 'own-sites', official: 'all' },
  /** List who read which sealed record, and when. */
  'sealed:audit': { official: 'all' },
  'tokens:manage': { admin: 'all' },
  // ── Incentives (issue 9): administrators keep the schemes, officials issue the statements ──
  /** Read incentive schemes, draft statements and issued statements. */
  'incentives:read': { official: 'all', admin: 'all' },
  /** Define or change an incentive scheme (until a statement is issued under it). */
  'incentives:define': { admin: 'all' },
  /** Issue a statement: the payment record, by the authority that pays. */
  'incentives:issue': { official: 'all' },
  /** Draw a sample of lots for physical inspection (audit.sample) and list the signed checkpoints to seed it. */
  'audit:sample': { official: 'all', admin: 'all' },
  /** The officials' anomaly list and its export (README "Anomalies"). */
  'anomalies:read': { official: 'all' },
  /** Read and set the anomaly thresholds (each change a ledger entry). */
  'anomalies:configure': { official: 'all', admin: 'all' },
  /** Report a label scanned with a wrong digest (an operational record, not the ledger). */
  'scans:report': {
    operator: 'own-sites',
    recycler: 'own-sites',
    utiliser: 'own-sites',
    official: 'all',
    admin: 'all',
  },
  /** Register one's own witness key and cosign the server's checkpoints with it (README "Cosigning checkpoints"). */
  'witness:cosign': { official: 'all' },
  // ── Targets (issue 9): the plan's targets, defined by officials and administrators ──
  /** Read targets and their progress. */
  'targets:read': { official: 'all', admin: 'all' },
  /** Define, redefine or withdraw a target (each a target.defined entry). */
  'targets:define': { official: 'all', admin: 'all' },
  /**
   * Read the reports (volumes, yield, dross, discrepancies, shipments, emissions): officials and
   * admins every site; operating roles only their own sites' figures, naming the site.
   */
  'reports:read': {
    operator: 'own-sites',
    recycler: 'own-sites',
    utiliser: 'own-sites',
    official: 'all',
    admin: 'all',
  },
  /** Define a new version of the emission factors (a ledger entry). */
  'reports:factors': { admin: 'all' },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Permission = keyof typeof PERMISSIONS;

export function reachOf(role: Role, permission: Permission): Reach | null {
  const grants: Partial<Record<Role, Reach>> = PERMISSIONS[permission];
  return grants[role] ?? null;
}

/** The site kinds a role may act for; officials and admins act for none. */
export const ROLE_SITE_KINDS: Record<Role, readonly SiteKind[]> = {
  operator: ['collection_point'],
  recycler: ['recycler'],
  utiliser: ['utiliser'],
  official: [],
  admin: [],
};

/** Roles that act for sites must have at least one. */
export function roleNeedsSites(role: Role): boolean {
  return ROLE_SITE_KINDS[role].length > 0;
}

/** API tokens are for devices and integrations; they never carry the admin role. */
export const TOKEN_ROLES = ['operator', 'recycler', 'utiliser', 'official'] as const satisfies readonly Role[];
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const ROLE_NAMES: Record<Role, { en: string; zh: string }> = {
  operator: { en: 'Collection-point operator', zh: '回收站点操作员' },
  recycler: { en: 'Recycler', zh: '再生铝企业' },
  utiliser: { en: 'Dross/ash utiliser', zh: '灰渣利用处置单位' },
  official: { en: 'Official', zh: '主管部门' },
  admin: { en: 'Administrator', zh: '管理员' },
};

export const SITE_KIND_NAMES: Record<SiteKind, { en: string; zh: string }> = {
  collection_point: { en: 'Collection point', zh: '回收站点' },
  recycler: { en: 'Recycler', zh: '再生铝企业' },
  utiliser: { en: 'Dross/ash utiliser', zh: '灰渣利用处置单位' },
  buyer: { en: 'Buyer', zh: '采购方' },
  authority: { en: 'Authority', zh: '主管部门' },
};

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
