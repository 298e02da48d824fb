// The lifecycle screens each role starts its day from, for the role's home
// screen to list (it imports this; nothing here imports the home screen).
// labelKey names an entry of DAILY_ACTION_LABELS, in both languages.
import type { Role } from '@alutrace/shared';

export type DailyActionKey = 'dispatch' | 'receive' | 'process' | 'ship' | 'byproducts';

export interface DailyAction {
  path: string;
  labelKey: DailyActionKey;
}

export const DAILY_ACTIONS: Record<Role, DailyAction[]> = {
  operator: [{ path: '/dispatch', labelKey: 'dispatch' }],
  recycler: [
    { path: '/receive', labelKey: 'receive' },
    { path: '/process', labelKey: 'process' },
    { path: '/ship', labelKey: 'ship' },
    { path: '/byproducts', labelKey: 'byproducts' },
    { path: '/dispatch', labelKey: 'dispatch' },
  ],
  utiliser: [
    { path: '/receive', labelKey: 'receive' },
    { path: '/byproducts', labelKey: 'byproducts' },
  ],
  official: [],
  admin: [],
};

export const DAILY_ACTION_LABELS: Record<DailyActionKey, { zh: string; en: string }> = {
  dispatch: { zh: '装车发运', en: 'Dispatch a truck' },
  receive: { zh: '到货验收', en: 'Receive a delivery' },
  process: { zh: '记录加工/熔炼', en: 'Record a processing run' },
  ship: { zh: '销售出库', en: 'Ship to a buyer' },
  byproducts: { zh: '铝灰渣去向', en: 'Route dross and slag' },
};
