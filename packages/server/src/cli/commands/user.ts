import { createUserInput, ROLES, type Role } from '@alutrace/shared';
import { systemActor } from '../../auth/principal';
import { createUser } from '../../domain/users/create-user';
import { resetPassword } from '../../domain/users/reset-password';
import { findUserByName, listUsers } from '../../domain/users/user-rows';
import { AppError } from '../../errors';
import { type Command, EXIT_OK, flag, str, UsageError, usageFromIssues } from '../cli-kit';
import { DATA_DIR_HELP, dataDirOption } from './data-dir';
import { openApp, readPasswordFromStdin } from './open-app';

function role(text: string | undefined): Role {
  if (!text || !(ROLES as readonly string[]).includes(text))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return text as Role;
}

export const userCommand: Command = {
  name: 'user',
  summary: 'add users, reset a password, list users (for scripted setups)',
  usage: [
    'alutrace user add --username NAME --role ROLE [--site CODE …] [--display-name NAME] [--password-stdin]',
    '       alutrace user reset-password --username NAME [--password-stdin]',
    '       alutrace user list',
    '',
    'Records the change in the ledger (actor: system "cli"); the server may keep running.',
    'Without --password-stdin a password is generated and printed once, and the',
    'user must change it at first sign-in. With --password-stdin the first line of',
    'standard input is the password (at least 10 characters).',
    '',
    `  --role ROLE        ${ROLES.join(', ')}`,
    '  --site CODE        a site the user acts for (repeat for several); operators act',
    '                     for collection points, recyclers for recycler/utiliser/buyer sites',
    DATA_DIR_HELP,
  ].join('\n'),
  options: {
    ...dataDirOption,
    username: { type: 'string' },
    role: { type: 'string' },
    site: { type: 'string', multiple: true },
    'display-name': { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const [sub] = args.positionals;
    const fromStdin = flag(args, 'password-stdin');
    if (sub === 'list') {
      return openApp(args, io, (app) => {
        for (const u of listUsers(app.db)) {
          io.out(
            `${u.username.padEnd(20)} ${u.role.padEnd(9)} ${(u.active ? 'active' : 'inactive').padEnd(9)} ${u.sites.join(',') || '-'}  ${u.displayName}`,
          );
        }
        return EXIT_OK;
      });
    }
    const username = str(args, 'username');
    if (!username) throw new UsageError('--username NAME is required');
    if (sub === 'add') {
      const parsed = createUserInput.safeParse({
        username,
        displayName: str(args, 'display-name') ?? username,
        role: role(str(args, 'role')),
        sites: (args.values.site as string[] | undefined) ?? [],
        ...(fromStdin ? { password: await readPasswordFromStdin(io) } : {}),
      });
      if (!parsed.success) throw usageFromIssues(parsed.error.issues);
      return openApp(args, io, async (app) => {
        const { user, password } = await createUser(app, systemActor('cli'), parsed.data, {
          passwordIsFinal: fromStdin,
        });
        io.out(
          `created user ${user.username} (${user.role}${user.sites.length ? ` at ${user.sites.join(', ')}` : ''}), id ${user.id}`,
        );
        if (password) {
          io.out('password (shown once; the user must change it at first sign-in):');
          io.out(password);
        }
        return EXIT_OK;
      });
    }
    if (sub === 'reset-password') {
      const chosen = fromStdin ? await readPasswordFromStdin(io) : undefined;
      return openApp(args, io, async (app) => {
        const user = findUserByName(app.db, username);
        if (!user) throw new AppError('NOT_FOUND', { what: 'user', id: username });
        const { password } = await resetPassword(app, systemActor('cli'), { userId: user.id, password: chosen });
        io.out(`reset the password of ${user.username}; their sessions have ended`);
        if (password) {
          io.out('new password (shown once; must be changed at next sign-in):');
          io.out(password);
        }
        return EXIT_OK;
      });
    }
    throw new UsageError('say what to do: user add, user reset-password or user list');
  },
};
