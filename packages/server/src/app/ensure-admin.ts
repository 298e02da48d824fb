// First run: when no active administrator exists, create one with a random
// password and show it once on the console. It is never written to the log
// or the ledger, and must be changed at first sign-in.
import { systemActor } from '../auth/principal';
import { createUser } from '../domain/users/create-user';
import { countActiveAdmins, findUserByName } from '../domain/users/user-rows';
import type { App } from './create-app';

export async function ensureAdmin(app: App, announce: (text: string) => void): Promise<void> {
  if (countActiveAdmins(app.db) > 0) return;
  let username = 'admin';
  for (let i = 2; findUserByName(app.db, username); i++) username = `admin${i}`;
  const { user, password } = await createUser(app, systemActor('bootstrap'), {
    username,
    displayName: 'Administrator / 管理员',
    role: 'admin',
    sites: [],
  });
  app.logger.info({ username: user.username, userId: user.id }, 'created the first administrator');
  const line = '─'.repeat(64);
  announce(
    [
      line,
      'No administrator existed, so one was created. This password is shown only once:',
      '未找到管理员，已创建一个。以下密码只显示这一次：',
      '',
      `  username / 用户名:  ${user.username}`,
      `  password / 密码:    ${password}`,
      '',
      'Sign in and change it. Lost it? Stop the server and run',
      `  pnpm alutrace user reset-password --username ${user.username}`,
      line,
      '',
    ].join('\n'),
  );
}
