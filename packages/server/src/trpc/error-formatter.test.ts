import { createSiteInput, createUserInput } from '@alutrace/shared';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { normaliseError } from './error-formatter';

/** What a client is told when `input` fails `schema`, as the formatter puts it. */
function refusal(schema: ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('the input was valid');
  return normaliseError(new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error }));
}

describe('validation messages', () => {
  it('say a length limit in words in both languages, not in the validator’s wording', () => {
    const n = refusal(createSiteInput, {
      code: 'PG01',
      kind: 'collection_point',
      nameZh: '站'.repeat(101),
      nameEn: '',
    });
    expect(n.code).toBe('VALIDATION_FAILED');
    expect(n.fields).toEqual({ nameZh: ['At most 100 characters.'], nameEn: ['Required.'] });
    expect(n.fieldsZh).toEqual({ nameZh: ['最多 100 个字符。'], nameEn: ['必填。'] });
  });

  it('explain a badly formed username wholly in the reader’s language', () => {
    const n = refusal(createUserInput, { username: '-li', displayName: '李明', role: 'operator' });
    expect(n.fields?.username).toEqual([
      'Not in the expected form: letters, digits, ".", "_" and "-", starting with a letter or digit.',
    ]);
    expect(n.fieldsZh?.username).toEqual(['格式不正确：只能使用字母、数字和“.”“_”“-”，并以字母或数字开头。']);
    expect(n.fieldsZh?.username?.join('')).not.toMatch(/[a-z]{3}/);
  });

  it('name a missing field and a choice outside the list', () => {
    const n = refusal(createUserInput, { username: 'li', role: 'chief' });
    expect(n.fields?.displayName).toEqual(['Required.']);
    expect(n.fieldsZh?.displayName).toEqual(['必填。']);
    expect(n.fields?.role?.[0]).toMatch(/^Choose one of: operator, /);
  });

  it('keep the Chinese of our own checks, and make their English a sentence', () => {
    const n = refusal(createSiteInput, { code: 'PG01', kind: 'collection_point', nameZh: '平果\n回收站', nameEn: 'x' });
    expect(n.fields?.nameZh?.[0]).toMatch(/^Must be one line \(character 3 is a line break\)\.$/);
    expect(n.fieldsZh?.nameZh?.[0]).toBe('只能填写一行（第 3 个字符是换行符）');
  });
});
