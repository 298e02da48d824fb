import { describe, expect, it } from 'vitest';
import { collectionRecordedBody, collectionRecordedSealed } from './collection-recorded';
import { readDomainEvent } from './index';
import { sealedCommitmentOf } from './sealed';

const body = {
  lotId: 'PG01-261128-0007',
  grade: 'UBC',
  sourceClass: 'post_consumer',
  grossG: 1_523_000,
  tareG: 200_000,
  deductionG: 12_000,
  netG: 1_311_000,
  photoHashes: [],
  sealed: 'e925c87ed4e3b348d6ca35bf4762091168ad2cb65947b0784e448946ab1d0105',
};

describe('event schemas', () => {
  it('read a domain event by its kind, and leave other kinds to their own readers', () => {
    expect(readDomainEvent({ kind: 'collection.recorded', body })).toEqual({ kind: 'collection.recorded', body });
    expect(readDomainEvent({ kind: 'site.created', body: {} })).toBeNull();
    expect(() => readDomainEvent({ kind: 'collection.recorded', body: { ...body, netG: 0 } })).toThrow();
  });

  it('refuse masses that are not whole positive grams up to 100 t', () => {
    for (const netG of [0, -1, 1.5, 100_000_001, '1000']) {
      expect(collectionRecordedBody.safeParse({ ...body, netG }).success, String(netG)).toBe(false);
    }
    expect(collectionRecordedBody.safeParse({ ...body, netG: 100_000_000 }).success).toBe(true);
  });

  it('keep only their own fields, so that nothing private rides along in a public body', () => {
    const parsed = collectionRecordedBody.parse({ ...body, sellerName: '李明' });
    expect(parsed).not.toHaveProperty('sellerName');
  });

  it('check the seller ID number and credit code as they are typed', () => {
    const individual = (residentId: string) =>
      collectionRecordedSealed.safeParse({ seller: { kind: 'individual', name: '李明', residentId } });
    expect(individual('451002 19850615 1230').success).toBe(true);
    const wrong = individual('451002198506151231');
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe('the check character does not match: a digit was mistyped');
    const enterprise = collectionRecordedSealed.safeParse({
      seller: { kind: 'enterprise', name: '平果铝业', creditCode: '91350100M000100Y44', handlingPerson: '王' },
    });
    expect(enterprise.error?.issues[0]?.path).toEqual(['seller', 'creditCode']);
  });
});

describe('sealed commitments', () => {
  it('are SHA-256 of the RFC 8785 JSON of salt and fields (known answer computed with Python)', () => {
    const fields = {
      seller: { kind: 'individual', name: '李明', residentId: '451002198506151230' },
      priceFen: 1234500,
    };
    expect(sealedCommitmentOf('00112233445566778899aabbccddeeff', fields)).toBe(
      'e925c87ed4e3b348d6ca35bf4762091168ad2cb65947b0784e448946ab1d0105',
    );
  });

  it('refuse a salt that is not 16 bytes of hex', () => {
    expect(() => sealedCommitmentOf('00', {})).toThrow();
  });
});
