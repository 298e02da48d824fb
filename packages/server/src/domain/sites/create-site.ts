import type { Actor, createSiteInput, SiteView } from '@alutrace/shared';
import type { z } from 'zod';
import type { App } from '../../app/create-app';
import { AppError } from '../../errors';
import { findSite, insertActiveSite, siteView } from './site-rows';

export async function createSite(app: App, actor: Actor, input: z.output<typeof createSiteInput>): Promise<SiteView> {
  const body = {
    code: input.code,
    kind: input.kind,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    district: input.district || null,
    park: input.park ?? null,
    licence: input.licence || null,
  };
  const { entries } = await app.ledger.appendAsync(
    (db) => {
      if (findSite(db, input.code)) throw new AppError('CONFLICT', { what: 'site', id: input.code });
      return [{ kind: 'site.created', site: input.code, actor, body }];
    },
    {
      onAppended: ([e], db) => {
        insertActiveSite(db, body, e?.entry.recordedAt as string);
        return null;
      },
    },
  );
  const row = findSite(app.db, input.code);
  if (!row || entries.length !== 1) throw new Error('site was not recorded');
  return siteView(row);
}
