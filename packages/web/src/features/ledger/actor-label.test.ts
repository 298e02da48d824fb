import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { actorLabel } from './actor-label';

const USER = '0192f000-0000-7000-8000-00000000a1b2';
let zh: TFunction;
let english: TFunction;

beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    // As in the app (setup-i18n.ts): React escapes, i18next must not.
    interpolation: { escapeValue: false },
  });
  zh = i18n.getFixedT('zh-CN');
  english = i18n.getFixedT('en');
});

describe('who made an entry, in words', () => {
  it('is the name when the reader may see it', () => {
    expect(actorLabel(zh, { type: 'user', id: USER }, { [`user:${USER}`]: '李明' })).toBe('李明');
    expect(actorLabel(english, { type: 'token', id: 't1', userId: USER }, { 'token:t1': 'PG01 scale' })).toBe(
      'API token PG01 scale',
    );
  });

  it('is the kind of actor and the end of its id otherwise, never the whole id', () => {
    expect(actorLabel(zh, { type: 'user', id: USER }, {})).toBe('用户 …00a1b2');
    expect(actorLabel(english, { type: 'token', id: `${USER}9`, userId: USER }, {})).toBe('API token …0a1b29');
    expect(actorLabel(zh, { type: 'system', id: 'bootstrap' }, {})).toBe('系统（初始化）');
    expect(actorLabel(english, { type: 'system', id: 'cli' }, {})).toBe('System (command line)');
  });
});
