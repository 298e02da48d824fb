import { residentIdCheckCharacter } from '@alutrace/shared';
import { describe, expect, it } from 'vitest';
import { type CollectionDraft, draftToInput, idCheck, netOf, readKg, readYuan } from './collection-draft';

const ID_BODY = '45100219850615123';
const GOOD_ID = `${ID_BODY}${residentIdCheckCharacter(ID_BODY)}`;
const WORDS = { required: 'required', gradeRequired: 'grade', netNotPositive: 'net', idLength: 'length' };
const TODAY = '2026-12-01';

function draft(changes: Partial<CollectionDraft> = {}): CollectionDraft {
  return {
    site: 'PG01',
    date: TODAY,
    grade: 'UBC',
    sourceClass: '',
    gross: '1523.5',
    tare: '200',
    deduction: '12',
    sellerKind: 'individual',
    sellerName: '李明',
    residentId: GOOD_ID,
    creditCode: '',
    handlingPerson: '',
    address: '',
    plate: '',
    ticket: '',
    price: '12345.50',
    ...changes,
  };
}

describe('the collection form', () => {
  it('reads kg typed alone, and a unit typed with the number, exactly into grams', () => {
    expect(readKg('1523.5', 'zh')).toEqual({ ok: true, value: 1_523_500 });
    expect(readKg('１５２３．５', 'zh')).toEqual({ ok: true, value: 1_523_500 });
    expect(readKg('1.5t', 'zh')).toEqual({ ok: true, value: 1_500_000 });
    expect(readKg('0.1', 'en')).toEqual({ ok: true, value: 100 });
    expect(readKg('', 'en')).toEqual({ ok: 'empty' });
    expect(readKg('1,5', 'en')).toMatchObject({ ok: false, message: expect.stringContaining('separators') });
    expect(readKg('0.0005', 'zh')).toMatchObject({ ok: false, message: expect.stringContaining('不是整数克') });
    expect(readYuan('12345.50', 'en')).toEqual({ ok: true, value: 1_234_550 });
  });

  it('works out the net as gross − tare − deduction, with empty tare and deduction as 0', () => {
    expect(netOf(draft(), 'en')).toBe(1_311_500);
    expect(netOf(draft({ tare: '', deduction: '' }), 'en')).toBe(1_523_500);
    expect(netOf(draft({ gross: '' }), 'en')).toBeNull();
  });

  it('judges the ID number once all 18 characters are in', () => {
    expect(idCheck(draft({ residentId: ID_BODY }), 'zh')).toBeNull();
    expect(idCheck(draft(), 'zh')).toEqual({ ok: true, message: '' });
    const wrong = `${ID_BODY}${GOOD_ID.endsWith('1') ? '2' : '1'}`;
    expect(idCheck(draft({ residentId: wrong }), 'zh')).toEqual({ ok: false, message: '校验码不符，可能输错了某一位' });
  });

  it('builds the collection.record input in grams and fen, with the date only when it is not today', () => {
    const r = draftToInput(draft(), 'en', WORDS, TODAY);
    expect(r).toMatchObject({
      ok: true,
      input: {
        site: 'PG01',
        grade: 'UBC',
        grossG: 1_523_500,
        tareG: 200_000,
        deductionG: 12_000,
        netG: 1_311_500,
        sealed: { seller: { kind: 'individual', name: '李明', residentId: GOOD_ID }, priceFen: 1_234_550 },
      },
    });
    expect(r.ok && 'occurredAt' in r.input).toBe(false);
    const earlier = draftToInput(draft({ date: '2026-11-28' }), 'en', WORDS, TODAY);
    expect(earlier.ok && earlier.input.occurredAt).toBe('2026-11-28T04:00:00.000Z');
  });

  it('names every field that is missing or wrong, and sends nothing', () => {
    const r = draftToInput(
      draft({ grade: '', gross: '100', tare: '150', sellerKind: 'enterprise', sellerName: '', creditCode: '91451000' }),
      'en',
      WORDS,
      TODAY,
    );
    expect(r).toEqual({
      ok: false,
      fields: {
        grade: ['grade'],
        net: ['net'],
        sellerName: ['required'],
        creditCode: ['length'],
        handlingPerson: ['required'],
      },
    });
  });
});
