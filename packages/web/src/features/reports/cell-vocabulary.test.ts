import { describe, expect, it } from 'vitest';
import { vocabularyText } from './cell-vocabulary';

describe('a code in a report cell', () => {
  it('reads as its name in the reader’s language', () => {
    expect(vocabularyText('family', 'ubc', 'zh')).toBe('废铝易拉罐');
    expect(vocabularyText('source_class', 'post_consumer', 'en')).toBe('Post-consumer');
    expect(vocabularyText('chain', 'construction', 'zh')).toBe('建筑');
    expect(vocabularyText('district', '平果市', 'en')).toBe('Pingguo');
    expect(vocabularyText('status', 'below', 'zh')).toBe('未达标');
  });

  it('stays as it is where it is no code of a vocabulary', () => {
    expect(vocabularyText('site', 'PG01', 'en')).toBe('PG01');
    expect(vocabularyText('family', 'unknown', 'en')).toBe('unknown');
    expect(vocabularyText('district', '某县', 'en')).toBe('某县');
  });
});
