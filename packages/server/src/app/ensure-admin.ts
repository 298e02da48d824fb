// First run: when no active administrator exists, create one with a random
// password, written to a file in the data directory (mode 0600; see
// initial-admin-password.ts) — never to the console, the log or the ledger.
// The console says only where the file is. The password must be changed at
// first sign-in, and the file is deleted then.
import { systemActor } from '../auth/principal';
import { createUser } from '../domain/users/create-user';
import { countActiveAdmins, findUser, findUserByName } from '../domain/users/user-rows';
import type { App } from './create-app';
import {
  forgetInitialAdminPassword,
  readInitialAdminPassword,
  writeInitialAdminPassword,
} from './initial-admin-password';

export async function ensureAdmin(app: App, announce: (text: string) => void): Promise<void> {
  const dataDir = app.config.dataDir;
  if (countActiveAdmins(app.db) > 0) {
    // A password changed while the file was kept (by hand, or by an older version) is stale.
    const left = readInitialAdminPassword(dataDir);
    if (left && !findUser(app.db, left.userId)?.mustChangePassword) forgetInitialAdminPassword(dataDir, left.userId);
    return;
  }
  let username = 'admin';
  for (let i = 2; findUserByName(app.db, username); i++) username = `admin${i}`;
  const { user, password } = await createUser(app, systemActor('bootstrap'), {
    username,
    displayName: 'Administrator / 管理员',
    role: 'admin',
    sites: [],
  });
  if (password === null) throw new Error('the first administrator was created without a generated password');
  const file = writeInitialAdminPassword(dataDir, { userId: user.id, username: user.username, password });
  app.logger.info({ username: user.username, userId: user.id, file }, 'created the first administrator');
  const line = '─'.repeat(64);
  announce(
    [
      line,
      `No administrator existed, so one was created: username "${user.username}".`,
      `未找到管理员，已创建一个：用户名 "${user.username}"。`,
      '',
      'Its password is in this file (readable only by this system user):',
      '密码保存在以下文件中（仅本系统用户可读）：',
      `  ${file}`,
      '',
      'Sign in and change the password; the file is then deleted.',
      '登录并修改密码后，该文件会自动删除。',
      `Lost it? Stop the server and run  pnpm alutrace user reset-password --username ${user.username}`,
      line,
      '',
    ].join('\n'),
  );
}
