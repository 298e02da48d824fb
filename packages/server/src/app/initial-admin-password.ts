// The first administrator's password lives in a file in the data directory,
// mode 0600, never on stdout: stdout is also the JSON log stream, and every
// process manager that keeps stdout would keep the password. The file is
// deleted as soon as that password stops being valid (changed or reset).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const INITIAL_ADMIN_PASSWORD_FILE = 'initial-admin-password';

export function initialAdminPasswordPath(dataDir: string): string {
  return join(dataDir, INITIAL_ADMIN_PASSWORD_FILE);
}

export interface InitialAdmin {
  userId: string;
  username: string;
  password: string;
}

export function writeInitialAdminPassword(dataDir: string, admin: InitialAdmin): string {
  const file = initialAdminPasswordPath(dataDir);
  const text = [
    '# alutrace: the first administrator. Sign in with this password and change it;',
    '# this file is deleted when you do. 首位管理员：请用此密码登录并修改密码，修改后本文件自动删除。',
    `username=${admin.username}`,
    `password=${admin.password}`,
    `userId=${admin.userId}`,
    '',
  ].join('\n');
  // A file left from an earlier first run names an account that no longer exists.
  rmSync(file, { force: true });
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  return file;
}

/** Reads the file (for tests and scripts); null when there is none. */
export function readInitialAdminPassword(dataDir: string): InitialAdmin | null {
  const file = initialAdminPasswordPath(dataDir);
  if (!existsSync(file)) return null;
  const values = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(\w+)=(.*)$/.exec(line);
    if (m) values.set(m[1] as string, m[2] as string);
  }
  const [userId, username, password] = [values.get('userId'), values.get('username'), values.get('password')];
  return userId && username && password ? { userId, username, password } : null;
}

/** Deletes the file when it holds the password of `userId`, whose password has just changed. */
export function forgetInitialAdminPassword(dataDir: string, userId: string): void {
  const admin = readInitialAdminPassword(dataDir);
  if (admin === null || admin.userId === userId) rmSync(initialAdminPasswordPath(dataDir), { force: true });
}
