// Recording a collection on a phone at the scale: the form an operator fills
// in (kg typed on the numeric keyboard, the seller's ID checked as it is
// typed), the server's refusals next to their field, and the rule that one
// form never makes two lots, however often it is sent.
// Screenshots land in test-results/ (collect-*.png).

import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { BAD_ID, fillCollection, GOOD_ID, operatorServer } from './collect-helpers';
import { DESKTOP, PHONE, test, textOf } from './fixtures';

async function lotCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const res = await fetch(`/trpc/lots.list?input=${encodeURIComponent(JSON.stringify({ site: 'PG01' }))}`);
    const body = (await res.json()) as { result: { data: { lots: unknown[] } } };
    return body.result.data.lots.length;
  });
}

describe('recording a collection', () => {
  test('an operator on a phone weighs, fixes a mistyped ID number, saves, and sees the lot id', async ({ e2e }) => {
    const { server, operatorId } = await operatorServer(e2e);
    const { page, errors } = await e2e.openPage(server, '/collect', { viewport: PHONE, signedInAs: operatorId });
    await page.getByTestId('collect-form').waitFor();
    expect(await textOf(page.getByTestId('collect-site'))).toContain('PG01');
    // The numeric keyboard on a phone.
    expect(await page.getByTestId('collect-gross').getAttribute('inputmode')).toBe('decimal');
    await saveScreenshot(page, 'collect-empty-390-zh');

    await fillCollection(page, { id: BAD_ID });
    // The net is worked out as the weights are typed, exactly.
    expect(await textOf(page.getByTestId('collect-net'))).toBe('1311.5 kg');
    // A wrong check digit is said under the field as soon as the 18th character is in.
    const idField = page.getByTestId('seller-fields').locator('.field', { has: page.getByTestId('resident-id') });
    expect(await textOf(idField.locator('.field-error'))).toContain('校验码不符');
    expect(await page.getByTestId('resident-id').getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'collect-id-error-390-zh');

    await page.getByTestId('resident-id').fill(GOOD_ID);
    expect(await idField.locator('.field-error').count()).toBe(0);
    expect(await textOf(idField.locator('.field-hint'))).toContain('校验通过');
    await saveScreenshot(page, 'collect-filled-390-zh');

    await page.getByTestId('collect-save').click();
    const lotId = await textOf(page.getByTestId('saved-lot-id'));
    expect(lotId).toMatch(/^PG01-\d{6}-0001$/);
    expect(await textOf(page.getByTestId('saved-net'))).toBe('1311.5 kg');
    expect(await page.getByTestId('print-label').getAttribute('href')).toBe(`/labels/print?lots=${lotId}&print=1`);
    await saveScreenshot(page, 'collect-saved-390-zh');

    // The next collection starts from the grade just used.
    await page.getByTestId('collect-next').click();
    await page.getByTestId('collect-form').waitFor();
    expect(await page.getByTestId('grade-picker').getByRole('radio', { checked: true }).getAttribute('value')).toBe(
      'UBC',
    );
    expect(errors).toEqual([]);
  });

  test('a mass over 100 t is refused by the server and said under the gross field, in Chinese', async ({ e2e }) => {
    const { server, operatorId } = await operatorServer(e2e);
    const { page } = await e2e.openPage(server, '/collect', { viewport: PHONE, signedInAs: operatorId });
    await page.getByTestId('collect-form').waitFor();
    await fillCollection(page, { gross: '100001' });
    await page.getByTestId('collect-save').click();
    const grossField = page.locator('.field', { has: page.getByTestId('collect-gross') });
    const message = await textOf(grossField.locator('.field-error'));
    expect(message).toContain('100 吨');
    expect(message).toContain('100001 kg');
    // Above the button, only a pointer to the marked field (the phone has scrolled to it).
    expect(await textOf(page.getByTestId('form-alert'))).toBe('请更正标出的项目后再保存。');
    await saveScreenshot(page, 'collect-refused-390-zh');
    // Corrected, it saves.
    await page.getByTestId('collect-gross').fill('1001');
    expect(await grossField.locator('.field-error').count()).toBe(0);
    await page.getByTestId('collect-save').click();
    await page.getByTestId('saved-lot-id').waitFor();
    expect(await lotCount(page)).toBe(1);
  });

  test('a double tap, and a retry after the answer was lost, record one lot', async ({ e2e }) => {
    const { server, operatorId } = await operatorServer(e2e);
    const { page } = await e2e.openPage(server, '/collect', { viewport: PHONE, signedInAs: operatorId });
    await page.getByTestId('collect-form').waitFor();
    await fillCollection(page);
    // The first answer is lost on the way back: the server recorded the lot, the phone never heard.
    let lost = false;
    await page.route('**/trpc/collection.record**', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByTestId('collect-save').dblclick();
    await page.getByTestId('form-alert').waitFor();
    expect(await textOf(page.getByTestId('form-alert'))).toContain('不会重复记账');
    await page.getByTestId('collect-save').click();
    const lotId = await textOf(page.getByTestId('saved-lot-id'));
    expect(lotId).toMatch(/-0001$/);
    expect(await textOf(page.getByTestId('collect-saved'))).toContain('没有重复记账');
    expect(await lotCount(page)).toBe(1);
  });

  test('the form in English on a desktop, and an enterprise seller', async ({ e2e }) => {
    const { server, operatorId } = await operatorServer(e2e);
    const { page, errors } = await e2e.openPage(server, '/collect', { viewport: DESKTOP, signedInAs: operatorId });
    await page.getByTestId('collect-form').waitFor();
    await saveScreenshot(page, 'collect-empty-1280-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Record a collection' }).waitFor();
    await saveScreenshot(page, 'collect-empty-1280-en');
    await page.getByText('Enterprise', { exact: true }).click();
    await page.getByTestId('credit-code').fill('91451000MA5L0000X1');
    await page.getByTestId('collect-save').click();
    await saveScreenshot(page, 'collect-errors-1280-en');
    const codeField = page.locator('.field', { has: page.getByTestId('credit-code') });
    expect(await textOf(codeField.locator('.field-error'))).toMatch(/check character|18 characters/);
    expect(await textOf(page.getByTestId('form-alert'))).toContain('Correct the marked fields');
    await page.getByText('Individual', { exact: true }).click();
    await fillCollection(page);
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'collect-filled-390-en');
    await page.getByTestId('collect-save').click();
    await page.getByTestId('saved-lot-id').waitFor();
    await saveScreenshot(page, 'collect-saved-390-en');
    await page.setViewportSize(DESKTOP);
    await saveScreenshot(page, 'collect-saved-1280-en');
    expect(errors).toEqual([]);
  });
});

describe('the practised operator’s shortcuts', () => {
  test('the next form opens on the last grade with the gross focused, and Enter walks the fields to save', async ({
    e2e,
  }) => {
    const { server, operatorId } = await operatorServer(e2e);
    const { page, errors } = await e2e.openPage(server, '/collect', { viewport: PHONE, signedInAs: operatorId });
    await page.getByTestId('collect-form').waitFor();
    await fillCollection(page);
    await page.getByTestId('collect-save').click();
    await page.getByTestId('collect-next').click();
    await page.getByTestId('collect-form').waitFor();
    // The last grade is chosen and the gross has the focus: the first key typed is the gross.
    expect(await page.getByTestId('grade-picker').getByRole('radio', { checked: true }).getAttribute('value')).toBe(
      'UBC',
    );
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('collect-gross');
    // The chosen grade is in sight in its scrolling list.
    expect(
      await page.getByTestId('grade-picker').evaluate((picker) => {
        const list = picker.querySelector('.grade-options')?.getBoundingClientRect();
        const chosen = picker.querySelector('.grade-option-chosen')?.getBoundingClientRect();
        return !!list && !!chosen && chosen.top >= list.top && chosen.bottom <= list.bottom;
      }),
    ).toBe(true);
    const size = server.app.ledger.size;
    // gross, tare, deduction (empty), name, ID, address (empty), plate, ticket (empty), price, Enter to save.
    for (const [text, next] of [
      ['1000', 'collect-tare'],
      ['100', 'collect-deduction'],
      ['', null],
      ['李明', 'resident-id'],
      [GOOD_ID, null],
      ['', null],
      ['桂L12345', null],
      ['', 'collect-price'],
    ] as const) {
      if (text) await page.keyboard.insertText(text);
      await page.keyboard.press('Enter');
      if (next) {
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(next);
      }
      // Enter in a field before the last never sends the form.
      expect(server.app.ledger.size).toBe(size);
    }
    expect(await page.getByTestId('collect-price').getAttribute('enterkeyhint')).toBe('done');
    expect(await page.getByTestId('collect-tare').getAttribute('enterkeyhint')).toBe('next');
    await page.keyboard.insertText('12345.5');
    await page.keyboard.press('Enter');
    await page.getByTestId('collect-saved').waitFor();
    expect(await textOf(page.getByTestId('saved-net'))).toBe('900 kg');
    expect(server.app.ledger.size).toBe(size + 1);
    expect(errors).toEqual([]);
  });
});
