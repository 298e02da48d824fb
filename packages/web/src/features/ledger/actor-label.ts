import type { Actor } from '@alutrace/shared';
import type { TFunction } from 'i18next';

/** The last characters of an id: enough to tell actors apart in a list, without a UUID in every row. */
const tail = (id: string): string => id.slice(-6);

/**
 * Who made an entry, in words: a person's or a token's name where the reader
 * may see it (`names`, from ledger.entries), else what kind of actor it was.
 */
export function actorLabel(t: TFunction, actor: Actor, names: Readonly<Record<string, string>>): string {
  const name = names[`${actor.type}:${actor.id}`];
  switch (actor.type) {
    case 'system':
      if (actor.id === 'bootstrap') return t('ledger.actor.bootstrap');
      if (actor.id === 'cli') return t('ledger.actor.cli');
      return t('ledger.actor.system', { id: actor.id });
    case 'user':
      return name ?? t('ledger.actor.user', { id: tail(actor.id) });
    case 'token':
      return name ? t('ledger.actor.token', { name }) : t('ledger.actor.tokenUnnamed', { id: tail(actor.id) });
    default:
      return `${actor.type}:${actor.id}`;
  }
}
