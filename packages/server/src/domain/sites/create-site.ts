import type { Actor, createSiteInput, SiteView } from '@alutrace/shared';
import type { z } from 'zod';
import type { App } from '../../app/create-app';
import { sites } from '../../db/schema';
import { AppError } from '../../errors';
import { findSite, siteView } from './site-rows';

export function createSite(app: App, actor: Actor, input: z.output<typeof createSiteInput>): SiteView {
  const body = {
    code: input.code,
    kind: input.kind,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    district: input.district ?? null,
  };
  const { entries } = app.ledger.append(
    (db) => {
      if (findSite(db, input.code)) throw new AppError('CONFLICT', { what: 'site', id: input.code });
      return [{ kind: 'site.created', site: input.code, actor, body }];
    },
    {
      onAppended: ([e], db) => {
        const at = e?.entry.recordedAt as string;
        db.insert(sites)
          .values({ ...body, active: true, createdAt: at, updatedAt: at })
          .run();
        return null;
      },
    },
  );
  const row = findSite(app.db, input.code);
  if (!row || entries.length !== 1) throw new Error('site was not recorded');
  return siteView(row);
}
