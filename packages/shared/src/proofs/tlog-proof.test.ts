import { describe, expect, it } from 'vitest';
import { formatTlogProof, parseTlogProof, TlogProofError } from './tlog-proof';

// The layout of c2sp.org/tlog-proof v1, written out by hand: header, extra, index, hashes, an empty line, the note.
const NOTE = 'example.com/log\n3\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n\u2014 example.com/log AAAAAAAA\n';
const H1 = 'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=';
const H2 = 'B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=';
const TEXT = `c2sp.org/tlog-proof@v1\nextra aGVsbG8=\nindex 2\n${H1}\n${H2}\n\n${NOTE}`;

const err = (text: string): string => {
  try {
    parseTlogProof(text);
  } catch (e) {
    if (e instanceof TlogProofError) return e.message;
    throw e;
  }
  throw new Error('expected a TlogProofError');
};

describe('C2SP tlog-proof v1 text', () => {
  it('reads the extra data, the index, the hashes and the checkpoint verbatim, and writes them back byte for byte', () => {
    const p = parseTlogProof(TEXT);
    expect(new TextDecoder().decode(p.extra as Uint8Array)).toBe('hello');
    expect(p.index).toBe(2);
    expect(p.hashes).toHaveLength(2);
    expect(p.checkpoint).toBe(NOTE);
    expect(formatTlogProof(p)).toBe(TEXT);
  });

  it('takes a proof without extra data, and one without hashes (a tree of one entry)', () => {
    const p = parseTlogProof(`c2sp.org/tlog-proof@v1\nindex 0\n\n${NOTE}`);
    expect(p).toMatchObject({ extra: null, index: 0, hashes: [] });
    expect(formatTlogProof(p)).toBe(`c2sp.org/tlog-proof@v1\nindex 0\n\n${NOTE}`);
  });

  it.each([
    ['another header', TEXT.replace('tlog-proof@v1', 'tlog-proof@v2'), /first line/],
    ['an index with a leading zero', TEXT.replace('index 2', 'index 02'), /index/],
    ['a negative index', TEXT.replace('index 2', 'index -2'), /index/],
    ['no index', TEXT.replace('index 2\n', ''), /index/],
    ['a short hash', TEXT.replace(H1, 'AAAA'), /not a SHA-256 hash/],
    ['a hash not in canonical base64', TEXT.replace(H1, `${H1.slice(0, 42)}R=`), /canonical/],
    ['extra data that is not base64', TEXT.replace('aGVsbG8=', 'aGVsbG8'), /extra/],
    [
      'no empty line before the checkpoint',
      TEXT.replace(`${H2}\n\n`, `${H2}\n`).replace('=\n\n\u2014', '=\n\u2014'),
      /empty line|base64|hash/,
    ],
    ['no checkpoint', `c2sp.org/tlog-proof@v1\nindex 2\n${H1}\n\n`, /checkpoint/],
  ])('refuses %s', (_name, text, message) => {
    expect(err(text)).toMatch(message);
  });
});
