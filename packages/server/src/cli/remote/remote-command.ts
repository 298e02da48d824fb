// What every command that talks to a running server shares: where the server
// is, whose API token to act with, one idempotency key per invocation, and
// how a refusal or a missing answer is told to the person at the keyboard.
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { idempotencyKey, type MeView } from '@alutrace/shared';
import { type CliIo, EXIT_FAILED, flag, type ParsedArgs, str, UsageError } from '../cli-kit';
import { ApiClient, NoAnswer, ServerRefusal } from './api-client';

/** No answer came from the server: nothing is known to be recorded; the same command with the same key is safe. */
export const EXIT_NO_ANSWER = 3;

const DEFAULT_SERVER = 'http://localhost:8080';
const TIMEOUT_MS = 30_000;

export const remoteOptions = {
  server: { type: 'string' },
  'token-file': { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** For commands that record: a retry key, when it happened, and a note (sealed). */
export const recordOptions = {
  ...remoteOptions,
  site: { type: 'string' },
  'idempotency-key': { type: 'string' },
  'occurred-at': { type: 'string' },
  note: { type: 'string' },
} as const;

export const REMOTE_HELP = [
  'Connection (every command that talks to the server):',
  '  --server URL         the alutrace server (default: $ALUTRACE_SERVER or http://localhost:8080)',
  '  --token-file FILE    a file holding the API token (default: the token in $ALUTRACE_TOKEN);',
  '                       an administrator creates one with `alutrace token create`. Never put',
  '                       the token itself on the command line: it stays in the shell history.',
  "  --json               print the server's answer as JSON",
].join('\n');

export const RECORD_HELP = [
  REMOTE_HELP,
  "  --site CODE          the site to record for (default: the token's site, when it has one)",
  '  --idempotency-key K  retry a request: the same key and content are recorded once and the first',
  '                       answer is returned (default: a new UUID, printed before sending)',
  '  --occurred-at TIME   when it happened, if not now (ISO-8601 UTC, e.g. 2026-11-28T08:30:00Z)',
  '  --note TEXT          a free-text note, sealed (not public)',
  '',
  'Exit status: 0 recorded, 1 refused by the server, 2 wrong usage,',
  '             3 no answer (may or may not be recorded: run it again with the same --idempotency-key).',
].join('\n');

export const READ_EXIT_HELP = 'Exit status: 0 answered, 1 refused by the server, 2 wrong usage, 3 no answer.';

/** A command's connection to the server, and the output helpers that know about --json. */
export interface Remote {
  client: ApiClient;
  json: boolean;
  /** The idempotency key of this invocation; printed (on stderr) the first time it is asked for. */
  key(): string;
  /** True when the key came from --idempotency-key: this invocation retries an earlier one. */
  keyGiven: boolean;
  /** The --site value, or the token's only site. */
  site(): Promise<string>;
}

export interface RemoteOutcome {
  /** Maps field paths of a VALIDATION_FAILED answer to the options that set them ('sealed.seller.name' → '--seller-name'). */
  fieldOptions?: Record<string, string>;
}

function serverOf(args: ParsedArgs, io: CliIo): string {
  const raw = str(args, 'server') ?? io.env.ALUTRACE_SERVER ?? DEFAULT_SERVER;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `--server ${raw} is not a URL like http://localhost:8080\n  --server ${raw} 不是有效的地址（如 http://localhost:8080）`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(
      `--server ${raw}: use an http:// or https:// address\n  --server ${raw}：请使用 http:// 或 https:// 地址`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

function tokenOf(args: ParsedArgs, io: CliIo): string {
  const file = str(args, 'token-file');
  let token: string | undefined;
  let from: string;
  if (file !== undefined) {
    const path = resolve(io.cwd, file);
    try {
      // Group or others reading the file can act as the token's site.
      if ((statSync(path).mode & 0o077) !== 0) {
        io.err(
          `alutrace: warning: ${file} can be read by other users; restrict it with \`chmod 600 ${file}\`\n  警告：其他用户可读取 ${file}，请用 \`chmod 600 ${file}\` 限制权限`,
        );
      }
      token = readFileSync(path, 'utf8').trim();
    } catch (e) {
      throw new UsageError(`--token-file ${file}: ${(e as Error).message}`);
    }
    from = `--token-file ${file}`;
  } else if (str(args, 'token') !== undefined) {
    io.err(
      'alutrace: warning: a token given as --token stays in the shell history and is visible to other users in the process list; use ALUTRACE_TOKEN or --token-file FILE instead\n' +
        '  警告：以 --token 传入的令牌会留在 shell 历史记录中，并可被其他用户在进程列表中看到；请改用 ALUTRACE_TOKEN 或 --token-file FILE',
    );
    token = str(args, 'token');
    from = '--token';
  } else {
    token = io.env.ALUTRACE_TOKEN?.trim();
    from = 'ALUTRACE_TOKEN';
  }
  if (!token) {
    throw new UsageError(
      'no API token: set ALUTRACE_TOKEN or give --token-file FILE (an administrator creates one with `alutrace token create --name NAME --role ROLE --site CODE`)\n' +
        '  没有 API 令牌：请设置 ALUTRACE_TOKEN 或使用 --token-file FILE（管理员可用 `alutrace token create` 创建）',
    );
  }
  if (!/^alt_\S{1,96}$/.test(token)) {
    throw new UsageError(
      `${from} does not hold an alutrace API token (one line, starting with alt_)\n  ${from} 中不是 alutrace API 令牌（应为一行，以 alt_ 开头）`,
    );
  }
  return token;
}

/**
 * Connects to the server and runs `work`, turning a refusal into exit 1 and a
 * missing answer into exit 3, both explained in English and Chinese.
 */
export async function runRemote(
  args: ParsedArgs,
  io: CliIo,
  outcome: RemoteOutcome,
  work: (remote: Remote) => Promise<number>,
): Promise<number> {
  const client = new ApiClient({ server: serverOf(args, io), token: tokenOf(args, io), timeoutMs: TIMEOUT_MS });
  const json = flag(args, 'json');
  let key: string | undefined;
  const remote: Remote = {
    client,
    json,
    keyGiven: str(args, 'idempotency-key') !== undefined,
    key() {
      if (key === undefined) {
        const given = str(args, 'idempotency-key');
        if (given !== undefined && !idempotencyKey.safeParse(given).success) {
          throw new UsageError(
            '--idempotency-key: 8–100 letters, digits, ".", "_", ":" or "-" (a UUID is a good key)\n  --idempotency-key：8–100 个字母、数字或 “.”“_”“:”“-”（可使用 UUID）',
          );
        }
        key = given ?? randomUUID();
        io.err(`idempotency key ${key} (to retry this request safely: --idempotency-key ${key})`);
      }
      return key;
    },
    async site() {
      const given = str(args, 'site');
      if (given !== undefined) return given.toUpperCase();
      const me = await client.query<MeView | null>('auth.me');
      if (me === null) throw ServerRefusal.of('UNAUTHENTICATED');
      const [only, ...more] = me.sites;
      if (!only || more.length > 0) {
        const sites = me.sites.map((s) => s.code).join(', ');
        throw new UsageError(
          `say which site: --site CODE (the token acts for ${sites || 'no site'})\n  请用 --site CODE 指定站点（该令牌${sites ? `可代表 ${sites}` : '不属于任何站点'}）`,
        );
      }
      return only.code;
    },
  };
  try {
    return await work(remote);
  } catch (e) {
    if (e instanceof ServerRefusal) {
      if (json && e.body !== null) io.out(JSON.stringify(e.body, null, 2));
      io.err(describeRefusal(e, outcome.fieldOptions ?? {}));
      return EXIT_FAILED;
    }
    if (e instanceof LocalRefusal) {
      io.err(`alutrace: ${e.en}\n  ${e.zh}`);
      return EXIT_FAILED;
    }
    if (e instanceof NoAnswer) {
      const lines = [`alutrace: ${e.en}`, `  ${e.zh}`];
      if (key !== undefined && e.mayHaveArrived) {
        lines.push(
          `The request may or may not have been recorded. Run the same command again with --idempotency-key ${key}: a retry with the same key never records twice.`,
          `  请求可能已记录，也可能未记录。请加上 --idempotency-key ${key} 重新运行同一命令：使用相同的键重试不会重复记录。`,
        );
      }
      io.err(lines.join('\n'));
      return EXIT_NO_ANSWER;
    }
    throw e;
  }
}

/** `CODE: English message`, the Chinese message, each field that was wrong, and what to do next. */
export function describeRefusal(e: ServerRefusal, fieldOptions: Record<string, string>): string {
  const { app } = e;
  const lines = [`${app.code}: ${e.message}`, `  ${app.messageZh}`];
  for (const [path, messages] of Object.entries(app.fields ?? {})) {
    const zh = app.fieldsZh?.[path] ?? [];
    const option = optionFor(path, fieldOptions);
    lines.push(
      `  ${option ? `${option} (${path})` : path}: ${messages.join('; ')}${zh.length ? ` / ${zh.join('；')}` : ''}`,
    );
  }
  if (app.code === 'UNAUTHENTICATED') {
    lines.push(
      'The server does not accept this API token: it may be revoked, mistyped or from another server (check ALUTRACE_TOKEN or --token-file, and --server).',
      '  服务器不接受此 API 令牌：可能已被撤销、输入有误或属于其他服务器（请检查 ALUTRACE_TOKEN 或 --token-file，以及 --server）。',
    );
  }
  if (app.code === 'IDEMPOTENCY_CONFLICT') {
    lines.push(
      'To record a new, different request, leave out --idempotency-key.',
      '  如要记录一个新的、不同的请求，请不要使用 --idempotency-key。',
    );
  }
  return lines.join('\n');
}

function optionFor(path: string, fieldOptions: Record<string, string>): string | undefined {
  // The longest mapped prefix: 'lots.1.massG' → 'lots'.
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const option = fieldOptions[parts.slice(0, n).join('.')];
    if (option) return option;
  }
  return undefined;
}

/** What the CLI itself refuses after asking the server (a lot with nothing left, say): exit 1, like a refusal. */
export class LocalRefusal extends Error {
  override readonly name = 'LocalRefusal';
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
  }
}
