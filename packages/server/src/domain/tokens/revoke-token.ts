import type { Actor, TokenView } from '@alutrace/shared';
import { eq } from 'drizzle-orm';
import type { App } from '../../app/create-app';
import { apiTokens } from '../../db/schema';
import { AppError } from '../../errors';
import { findToken, tokenView } from './token-rows';

/** Revokes a token at once; revoking a revoked token changes nothing. */
export async function revokeToken(app: App, actor: Actor, tokenId: string): Promise<TokenView> {
  await app.ledger.appendAsync(
    (db) => {
      const row = findToken(db, tokenId);
      if (!row) throw new AppError('NOT_FOUND', { what: 'API token', id: tokenId });
      if (row.revokedAt) return [];
      return [{ kind: 'token.revoked', site: row.siteCode, actor, body: { tokenId } }];
    },
    {
      onAppended: ([e], db) => {
        db.update(apiTokens)
          .set({ revokedAt: e?.entry.recordedAt as string })
          .where(eq(apiTokens.id, tokenId))
          .run();
        return null;
      },
    },
  );
  const row = findToken(app.db, tokenId);
  if (!row) throw new AppError('NOT_FOUND', { what: 'API token', id: tokenId });
  return tokenView(row);
}
