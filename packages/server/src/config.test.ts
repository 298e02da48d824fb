import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('works with no variables set', () => {
    const c = loadConfig({}, '/srv/alutrace');
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/srv/alutrace/data',
      origin: 'alutrace.local/ledger',
      publicUrl: 'http://localhost:8080',
      checkpointIntervalMs: 1000,
      sqliteSync: 'FULL',
      secureCookies: false,
      trustProxy: false,
    });
  });

  it('marks cookies Secure when the public URL is https', () => {
    expect(loadConfig({ ALUTRACE_PUBLIC_URL: 'https://trace.example.cn/' }).secureCookies).toBe(true);
  });

  it.each([
    ['PORT', 'eighty', /PORT=eighty is not valid: use a whole number from 0 to 65535/],
    ['ALUTRACE_ORIGIN', 'my log', /ALUTRACE_ORIGIN/],
    ['ALUTRACE_PUBLIC_URL', 'ftp://x', /http:\/\/ or https:\/\//],
    ['ALUTRACE_SQLITE_SYNC', 'OFF', /FULL or NORMAL/],
    ['ALUTRACE_TRUST_PROXY', 'yes', /true or false/],
    ['ALUTRACE_LOG_LEVEL', 'loud', /one of fatal/],
  ])('refuses %s=%s with a message that says what it accepts', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
