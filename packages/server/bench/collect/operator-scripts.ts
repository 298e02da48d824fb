// What a practised operator does, step by step, as scripts the bench plays in
// Chromium and counts in KLM operators (klm.ts). A step is one field (or the
// final command); its actions are what the hand does. Chinese text comes
// through the phone's pinyin keyboard: the browser receives it in one
// insertText, the model counts the keys a person presses for it (the
// syllables' letters and the space that picks the first candidate).
import type { Locator, Page } from '../../../../test/node_modules/playwright-core';

export type Action =
  /** Tap a target (one P). */
  | { tap: (page: Page) => Locator }
  /** Type on the keyboard, one K per character (plus `extraKeys`, e.g. a shift). */
  | { type: string; extraKeys?: number }
  /** Chinese through the pinyin keyboard: `keys` K for the person, one insertText for the browser. */
  | { ime: string; keys: number }
  /** A key such as Enter (one K). */
  | { key: 'Enter' }
  /** Mental preparation (one M): recalling or reading the value, checking before the command. */
  | { think: true };

export interface Step {
  what: string;
  actions: Action[];
}

export interface Script {
  name: string;
  steps: Step[];
}

const think = { think: true } as const;
const enter = { key: 'Enter' } as const;

/** 1523.5 kg gross, 200 kg tare, no deduction; 李明 with his resident ID; plate 桂L12345; 12345.50 yuan. */
export function collectScripts(residentId: string): { tapEach: Script; enterToNext: Script } {
  const gross = (p: Page) => p.getByTestId('collect-gross');
  const tare = (p: Page) => p.getByTestId('collect-tare');
  const name = (p: Page) => p.getByLabel(/^(姓名|Name)$/);
  const id = (p: Page) => p.getByTestId('resident-id');
  const plate = (p: Page) => p.getByLabel(/^(车牌号|Vehicle plate)/);
  const price = (p: Page) => p.getByTestId('collect-price');
  const save = (p: Page) => p.getByTestId('collect-save');
  // 李明: "liming" and a space; 桂: "gui" and a space; L needs the shift key.
  const seller = { ime: '李明', keys: 7 } as const;
  const province = { ime: '桂', keys: 4 } as const;
  const plateRest = { type: 'L12345', extraKeys: 1 } as const;
  return {
    tapEach: {
      name: 'tap each field',
      steps: [
        { what: 'gross', actions: [think, { tap: gross }, { type: '1523.5' }] },
        { what: 'tare', actions: [think, { tap: tare }, { type: '200' }] },
        { what: 'seller name', actions: [think, { tap: name }, seller] },
        { what: 'resident ID', actions: [think, { tap: id }, { type: residentId }] },
        { what: 'plate', actions: [think, { tap: plate }, province, plateRest] },
        { what: 'price', actions: [think, { tap: price }, { type: '12345.5' }] },
        { what: 'save (and print)', actions: [think, { tap: save }] },
      ],
    },
    enterToNext: {
      name: 'Enter to the next field',
      steps: [
        // The gross has the focus when the form opens with the last grade chosen.
        { what: 'gross', actions: [think, { type: '1523.5' }, enter] },
        { what: 'tare', actions: [think, { type: '200' }, enter] },
        { what: 'deduction (left empty)', actions: [enter] },
        { what: 'seller name', actions: [think, seller, enter] },
        { what: 'resident ID', actions: [think, { type: residentId }, enter] },
        { what: 'address (left empty)', actions: [enter] },
        { what: 'plate', actions: [think, province, plateRest, enter] },
        { what: 'ticket (left empty)', actions: [enter] },
        { what: 'price', actions: [think, { type: '12345.5' }] },
        { what: 'save (and print)', actions: [think, enter] },
      ],
    },
  };
}

/** The baseline: the same kind of script on the sign-in form (tap, type, tap, type, tap). */
export function signInScript(username: string, password: string): Script {
  return {
    name: 'sign in',
    steps: [
      { what: 'username', actions: [think, { tap: (p) => p.locator('input[name="username"]') }, { type: username }] },
      { what: 'password', actions: [think, { tap: (p) => p.locator('input[name="password"]') }, { type: password }] },
      { what: 'sign in', actions: [think, { tap: (p) => p.locator('form button[type="submit"]') }] },
    ],
  };
}
