import type { ReactElement } from 'react';

/**
 * Where the signed-in user, their role and the sites they act for will show
 * once sign-in exists. Kept in the header now so that the layout does not
 * shift when it arrives.
 */
export function AccountSlot(): ReactElement {
  return <div className="account-slot" data-testid="account-slot" />;
}
