import type { Actor, createUserInput, UserView } from '@alutrace/shared';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { App } from '../../app/create-app';
import { checkNewPassword, hashPassword } from '../../auth/passwords';
import { generatePassword } from '../../auth/secrets';
import { userSites, users } from '../../db/schema';
import { AppError } from '../../errors';
import { checkRoleSites } from './check-role-sites';
import { findUser, findUserByName, userView } from './user-rows';

export interface CreatedUser {
  user: UserView;
  /** The generated password, to be shown once; null when the caller chose it. */
  password: string | null;
}

/**
 * Creates a user. Without a password one is generated and returned once. A
 * password someone else chose or saw must be changed at first sign-in,
 * unless `passwordIsFinal` (the user typed it themselves, e.g. on the CLI).
 */
export async function createUser(
  app: App,
  actor: Actor,
  input: z.output<typeof createUserInput>,
  options: { passwordIsFinal?: boolean } = {},
): Promise<CreatedUser> {
  const generated = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? (generated as string);
  checkNewPassword(password);
  // Check what can be checked before spending time on the hash; checked again inside the transaction.
  if (findUserByName(app.db, input.username)) throw new AppError('CONFLICT', { what: 'user', id: input.username });
  checkRoleSites(app.db, input.role, input.sites);
  const passwordHash = await hashPassword(password);
  const id = uuidv7();
  const mustChangePassword = !options.passwordIsFinal;
  await app.ledger.appendAsync(
    (db) => {
      if (findUserByName(db, input.username)) throw new AppError('CONFLICT', { what: 'user', id: input.username });
      const sites = checkRoleSites(db, input.role, input.sites);
      return [
        {
          kind: 'user.created',
          site: null,
          actor,
          body: {
            userId: id,
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            sites,
            active: true,
          },
        },
      ];
    },
    {
      onAppended: ([e], db) => {
        const at = e?.entry.recordedAt as string;
        const body = e?.entry.body as { sites: string[] };
        db.insert(users)
          .values({
            id,
            username: input.username,
            usernameKey: input.username.toLowerCase(),
            displayName: input.displayName,
            role: input.role,
            active: true,
            passwordHash,
            mustChangePassword,
            createdAt: at,
            updatedAt: at,
          })
          .run();
        for (const siteCode of body.sites) db.insert(userSites).values({ userId: id, siteCode }).run();
        return null;
      },
    },
  );
  const row = findUser(app.db, id);
  if (!row) throw new Error('user was not recorded');
  return { user: userView(app.db, row), password: generated };
}
