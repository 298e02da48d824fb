import type { Actor, createTokenInput, TokenView } from '@alutrace/shared';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { App } from '../../app/create-app';
import { newSecret, secretHash, TOKEN_PREFIX } from '../../auth/secrets';
import { apiTokens } from '../../db/schema';
import { checkRoleSites } from '../users/check-role-sites';
import { findToken, tokenView } from './token-rows';

/**
 * Creates an API token for one role and (for operating roles) one site. The
 * secret is returned once and only its hash is stored.
 */
export async function createToken(
  app: App,
  actor: Actor & { id: string },
  input: z.output<typeof createTokenInput>,
): Promise<{ token: TokenView; secret: string }> {
  const secret = newSecret(TOKEN_PREFIX);
  const id = uuidv7();
  const createdBy = actor.id;
  await app.ledger.appendAsync(
    (db) => {
      const [site = null] = checkRoleSites(db, input.role, input.site ? [input.site] : []);
      return [{ kind: 'token.created', site, actor, body: { tokenId: id, name: input.name, role: input.role, site } }];
    },
    {
      onAppended: ([e], db) => {
        db.insert(apiTokens)
          .values({
            id,
            tokenHash: secretHash(secret),
            name: input.name,
            role: input.role,
            siteCode: e?.entry.site ?? null,
            createdBy,
            createdAt: e?.entry.recordedAt as string,
          })
          .run();
        return null;
      },
    },
  );
  const row = findToken(app.db, id);
  if (!row) throw new Error('token was not recorded');
  return { token: tokenView(row), secret };
}
