// What each role does every day, in the order they do it: the home screen's
// tiles. A tile whose screen is not built yet shows, marked as coming, so that
// the home looks the same once it arrives.
import type { LotState, MeView, Role } from '@alutrace/shared';

export interface HomeTile {
  /** A key of `home` in the language files. */
  label:
    | 'collect'
    | 'onHand'
    | 'dispatch'
    | 'receive'
    | 'run'
    | 'ship'
    | 'route'
    | 'lots'
    | 'ledger'
    | 'verify'
    | 'reports'
    | 'targets'
    | 'incentives'
    | 'anomalies'
    | 'sample'
    | 'witness';
  hint?:
    | 'collectHint'
    | 'onHandHint'
    | 'lotsHint'
    | 'ledgerHint'
    | 'verifyHint'
    | 'reportsHint'
    | 'targetsHint'
    | 'incentivesHint'
    | 'anomaliesHint'
    | 'sampleHint'
    | 'witnessHint';
  path: string;
  primary?: boolean;
}

function onHandPath(me: MeView): string {
  const [only] = me.sites;
  return me.sites.length === 1 && only ? `/lots?state=on_hand&site=${only.code}` : '/lots?state=on_hand';
}

export function homeTiles(me: MeView): HomeTile[] {
  const byRole: Record<Role, HomeTile[]> = {
    operator: [
      { label: 'collect', hint: 'collectHint', path: '/collect', primary: true },
      { label: 'onHand', hint: 'onHandHint', path: onHandPath(me) },
      { label: 'dispatch', path: '/dispatch' },
    ],
    recycler: [
      { label: 'receive', path: '/receive', primary: true },
      { label: 'run', path: '/process' },
      { label: 'ship', path: '/ship' },
      { label: 'onHand', hint: 'onHandHint', path: onHandPath(me) },
    ],
    utiliser: [
      { label: 'receive', path: '/receive', primary: true },
      { label: 'route', path: '/byproducts' },
      { label: 'onHand', hint: 'onHandHint', path: onHandPath(me) },
    ],
    official: [
      { label: 'lots', hint: 'lotsHint', path: '/lots', primary: true },
      { label: 'ledger', hint: 'ledgerHint', path: '/ledger' },
      { label: 'verify', hint: 'verifyHint', path: '/verification' },
      { label: 'reports', hint: 'reportsHint', path: '/reports' },
      { label: 'targets', hint: 'targetsHint', path: '/targets' },
      { label: 'incentives', hint: 'incentivesHint', path: '/incentives' },
      { label: 'anomalies', hint: 'anomaliesHint', path: '/anomalies' },
      { label: 'sample', hint: 'sampleHint', path: '/audit/sample' },
      { label: 'witness', hint: 'witnessHint', path: '/witness' },
    ],
    admin: [
      { label: 'lots', hint: 'lotsHint', path: '/lots' },
      { label: 'ledger', hint: 'ledgerHint', path: '/ledger' },
      { label: 'reports', hint: 'reportsHint', path: '/reports' },
      { label: 'targets', hint: 'targetsHint', path: '/targets' },
      { label: 'incentives', hint: 'incentivesHint', path: '/incentives' },
    ],
  };
  return byRole[me.role];
}

/** The list under the tiles: an operator's recent collections, everyone else's lots on hand. */
export function homeList(me: MeView): { title: 'recent' | 'onHandList'; state?: LotState; kind?: 'scrap' } | null {
  if (me.role === 'operator') return { title: 'recent', kind: 'scrap' };
  if (me.role === 'recycler' || me.role === 'utiliser') return { title: 'onHandList', state: 'on_hand' };
  return null;
}
