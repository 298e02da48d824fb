import { describe, expect, it } from 'vitest';
import { passportUrl, readLabel } from './load-passport';

const at = (url: string) => new URL(url);

describe('reading the label from the address', () => {
  it('takes the lot id and the digest from the path and ?d=, whatever the host', () => {
    for (const host of ['https://trace.example.cn', 'http://10.0.0.7:8080', 'https://old-server.example']) {
      expect(readLabel(at(`${host}/l/PG01-261128-0007?d=ABCDEFGH23`))).toEqual({
        lotId: 'PG01-261128-0007',
        digest: 'abcdefgh23',
      });
    }
  });

  it('refuses an address that is not a whole label', () => {
    for (const url of [
      'https://x.example/l/PG01-261128-0007',
      'https://x.example/l/PG01-261128-0007?d=short',
      'https://x.example/l/PG01-261128?d=abcdefgh23',
      'https://x.example/lots/PG01-261128-0007?d=abcdefgh23',
      'https://x.example/l/%E0%A4%A?d=abcdefgh23',
    ]) {
      expect(readLabel(at(url))).toBeNull();
    }
  });

  it('asks for the passport with one GET of the tRPC query', () => {
    expect(passportUrl({ lotId: 'PG01-261128-0007', digest: 'abcdefgh23' })).toBe(
      `/trpc/lots.passport?input=${encodeURIComponent('{"lotId":"PG01-261128-0007","digest":"abcdefgh23"}')}`,
    );
  });
});
