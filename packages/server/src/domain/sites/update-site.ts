import type { Actor, JsonObject, SiteView, updateSiteInput } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { App } from '../../app/create-app';
import { sites } from '../../db/schema';
import { AppError } from '../../errors';
import { findSite, siteView } from './site-rows';

const FIELDS = ['nameZh', 'nameEn', 'district', 'park', 'licence', 'active'] as const;

/** Records what changed as one site.updated entry; a request that changes nothing writes nothing. */
export async function updateSite(app: App, actor: Actor, input: z.output<typeof updateSiteInput>): Promise<SiteView> {
  await app.ledger.appendAsync(
    (db) => {
      const current = findSite(db, input.code);
      if (!current) throw new AppError('NOT_FOUND', { what: 'site', id: input.code });
      const from: JsonObject = {};
      const to: JsonObject = {};
      for (const f of FIELDS) {
        const next = input[f];
        if (next !== undefined && next !== current[f]) {
          from[f] = current[f];
          to[f] = next;
        }
      }
      if (Object.keys(to).length === 0) return [];
      return [{ kind: 'site.updated', site: input.code, actor, body: { code: input.code, from, to } }];
    },
    {
      onAppended: ([e], db) => {
        const to = (e?.entry.body.to ?? {}) as Partial<Record<(typeof FIELDS)[number], never>>;
        db.update(sites)
          .set({ ...to, updatedAt: e?.entry.recordedAt as string })
          .where(eq(sites.code, input.code))
          .run();
        return null;
      },
    },
  );
  const row = findSite(app.db, input.code);
  if (!row) throw new AppError('NOT_FOUND', { what: 'site', id: input.code });
  return siteView(row);
}
