import { createTokenInput, TOKEN_ROLES } from '@alutrace/shared';
import { systemActor } from '../../auth/principal';
import { createToken } from '../../domain/tokens/create-token';
import { revokeToken } from '../../domain/tokens/revoke-token';
import { listTokens } from '../../domain/tokens/token-rows';
import { type Command, EXIT_OK, str, UsageError, usageFromIssues } from '../cli-kit';
import { DATA_DIR_HELP, dataDirOption } from './data-dir';
import { openApp } from './open-app';

export const tokenCommand: Command = {
  name: 'token',
  summary: 'create, revoke and list API tokens for devices and integrations',
  usage: [
    'alutrace token create --name NAME --role ROLE [--site CODE]',
    '       alutrace token revoke ID',
    '       alutrace token list',
    '',
    'A token acts with one role for one site (officials: no site). It is printed',
    'once, alone on the last line, and only its hash is stored; send it as',
    '`Authorization: Bearer <token>`. Revoking takes effect at once.',
    '',
    `  --role ROLE      ${TOKEN_ROLES.join(', ')} (tokens never carry the admin role)`,
    DATA_DIR_HELP,
  ].join('\n'),
  options: { ...dataDirOption, name: { type: 'string' }, role: { type: 'string' }, site: { type: 'string' } },
  allowPositionals: true,
  async run(args, io) {
    const [sub, id] = args.positionals;
    if (sub === 'create') {
      const parsed = createTokenInput.safeParse({
        name: str(args, 'name'),
        role: str(args, 'role'),
        site: str(args, 'site'),
      });
      if (!parsed.success) {
        throw usageFromIssues(parsed.error.issues);
      }
      return openApp(args, io, async (app) => {
        const { token, secret } = await createToken(app, systemActor('cli'), parsed.data);
        io.out(
          `created API token "${token.name}" (${token.role}${token.site ? ` at ${token.site}` : ''}), id ${token.id}`,
        );
        io.out('the token is shown once, on the next line:');
        io.out(secret);
        return EXIT_OK;
      });
    }
    if (sub === 'revoke') {
      if (!id) throw new UsageError('give the token ID: alutrace token revoke ID');
      return openApp(args, io, async (app) => {
        const token = await revokeToken(app, systemActor('cli'), id);
        io.out(`revoked API token "${token.name}" (${token.id})`);
        return EXIT_OK;
      });
    }
    if (sub === 'list') {
      return openApp(args, io, (app) => {
        for (const t of listTokens(app.db)) {
          io.out(
            `${t.id}  ${t.name.padEnd(24)} ${t.role.padEnd(9)} ${(t.site ?? '-').padEnd(6)} ${t.revokedAt ? 'revoked' : `last used ${t.lastUsedAt ?? 'never'}`}`,
          );
        }
        return EXIT_OK;
      });
    }
    throw new UsageError('say what to do: token create, token revoke ID or token list');
  },
};
