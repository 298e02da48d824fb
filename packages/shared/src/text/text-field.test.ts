import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textField } from './text-field';

const name = textField({ max: 20 });
const note = textField({ max: 200, multiline: true });

function refusal(schema: typeof name, value: string): { en: string; zh: string } | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0] as { message: string; params?: { zh?: string } };
  return { en: issue.message, zh: issue.params?.zh ?? '' };
}

describe('a text field', () => {
  it('keeps ordinary Chinese and English names, trimmed', () => {
    expect(name.parse('  平果回收站 ')).toBe('平果回收站');
    expect(name.parse('Pingguo yard No. 2')).toBe('Pingguo yard No. 2');
    expect(name.parse('李 • 王')).toBe('李 • 王');
    expect(name.parse('👷 yard')).toBe('👷 yard');
  });

  it('stores the NFC form, so a name typed two ways is one name', () => {
    expect(name.parse('Pe\u0301rez')).toBe('P\u00e9rez');
    expect(name.parse('P\u00e9rez')).toBe('P\u00e9rez');
  });

  it.each([
    ['NUL', 'ab\u0000c', 'U+0000', 3],
    ['a bell', 'ab\u0007', 'U+0007', 3],
    ['DEL', 'a\u007fb', 'U+007F', 2],
    ['a C1 control', 'a\u0085b', 'U+0085', 2],
    ['a tab', 'a\tb', 'U+0009', 2],
    ['the right-to-left override', 'invoice\u202Efdp.exe', 'U+202E', 8],
    ['a left-to-right isolate', '\u2066x', 'U+2066', 1],
    ['the right-to-left mark', 'x\u200F', 'U+200F', 2],
    ['the Arabic letter mark', 'x\u061Cy', 'U+061C', 2],
    ['a zero-width space', '平果\u200B回收', 'U+200B', 3],
    ['a zero-width joiner', 'a\u200Db', 'U+200D', 2],
    ['a word joiner', 'a\u2060b', 'U+2060', 2],
    ['a byte-order mark inside', 'a\uFEFFb', 'U+FEFF', 2],
    ['the line separator', 'a\u2028b', 'U+2028', 2],
    ['a lone high surrogate', 'a\uD800b', 'U+D800', 2],
    ['a lone low surrogate', 'a\uDC00', 'U+DC00', 2],
  ])('refuses %s, saying which character and where', (_what, value, codePoint, position) => {
    const r = refusal(name, value);
    expect(r?.en).toBe(
      `must not contain invisible or control characters (character ${position} is ${codePoint}); remove it and type the text again`,
    );
    expect(r?.zh).toBe(`不能包含不可见字符或控制字符（第 ${position} 个字符是 ${codePoint}），请删除后重新输入`);
  });

  it('counts the position in characters as a person sees them', () => {
    expect(refusal(name, '😀😀\u202E')?.en).toContain('character 3 is U+202E');
  });

  it('refuses a line break in a one-line field, and keeps it in a multi-line one', () => {
    expect(refusal(name, 'a\nb')?.en).toBe('must be one line (character 2 is a line break)');
    expect(refusal(name, 'a\r\nb')?.zh).toBe('只能填写一行（第 2 个字符是换行符）');
    expect(note.parse('line one\r\nline two\rthree\n')).toBe('line one\nline two\nthree');
    expect(refusal(note, 'a\u202Eb')?.en).toContain('U+202E');
  });

  it('says what is required and how long it may be, in both languages', () => {
    expect(refusal(name, '   ')?.en).toBe('required');
    expect(refusal(name, 'x'.repeat(21))?.en).toBe('at most 20 characters');
    expect(textField({ max: 5, min: 0 }).parse('')).toBe('');
  });

  it('never lets a forbidden character through, whatever surrounds it', () => {
    const forbidden = fc.constantFrom('\u0000', '\u001b', '\u009b', '\u202A', '\u202E', '\u2069', '\u200B', '\uFEFF');
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), forbidden, fc.string({ maxLength: 8 }), (before, bad, after) => {
        expect(name.safeParse(`${before}x${bad}x${after}`).success).toBe(false);
      }),
    );
  });
});
