// The correction screen with the corrected values, in a real browser: the
// operator who weighed a lot wrong declares the collection wrong and records
// the right figures in the same step. The form comes filled in from the entry
// (grade, source class, gross, tare, deduction from its body; the seller from
// its sealed record, whose reading is logged); an extra digit is refused by
// the server under the gross field, in the reader's language, and nothing is
// written; the fixed figures make a new lot, the old one is voided.
// Screenshots: test-results/correct-collection-*.png at 390 and 1280 px.

import { callerOf, lifecycleDeps, recordCollection } from '@alutrace/server/testing';
import { type Role, recordCollectionInput } from '@alutrace/shared';
import { describe, expect } from 'vitest';
import { saveScreenshot } from './browser';
import { GOOD_ID, operatorServer } from './collect-helpers';
import { DESKTOP, PHONE, test, textOf } from './fixtures';

function callerFor(id: string, role: Role, site: string) {
  return callerOf({
    kind: 'user',
    id,
    username: id,
    displayName: id,
    role,
    sites: [site],
    mustChangePassword: false,
    sessionId: null,
  } as unknown as Parameters<typeof callerOf>[0]);
}

describe('the correction screen, with the corrected collection', () => {
  test('a mistyped gross is corrected in one step: prefilled, refused at the field, then recorded as a new lot', async ({
    e2e,
  }) => {
    const { server, operatorId } = await operatorServer(e2e);
    // 1523.5 kg gross was weighed; 1532.5 kg was the truth. Tare 200 kg, deduction 12 kg.
    const recorded = await recordCollection(
      lifecycleDeps(server.app),
      callerFor(operatorId, 'operator', 'PG01'),
      recordCollectionInput.parse({
        site: 'PG01',
        grade: 'UBC',
        grossG: 1_523_500,
        tareG: 200_000,
        deductionG: 12_000,
        netG: 1_311_500,
        sealed: {
          seller: { kind: 'individual', name: '李明', residentId: GOOD_ID },
          vehiclePlate: '桂L12345',
          priceFen: 1_234_550,
        },
      }),
    );
    const oldLot = recorded.lots[0]?.lotId as string;
    const { page, errors } = await e2e.openPage(server, `/correct?seq=${recorded.seq}`, {
      viewport: PHONE,
      signedInAs: operatorId,
    });
    await page.getByTestId('correct-reason').getByLabel('称重错误').check();
    await page.getByTestId('correct-with-replacement').check();

    // Filled in from the entry.
    const gross = page.getByTestId('collect-gross');
    await gross.waitFor();
    expect(await gross.inputValue()).toBe('1523.5');
    expect(await page.getByTestId('collect-tare').inputValue()).toBe('200');
    expect(await page.getByTestId('collect-deduction').inputValue()).toBe('12');
    expect(await textOf(page.getByTestId('collect-net'))).toBe('1311.5 kg');
    expect(await page.getByTestId('grade-picker').getByRole('radio', { checked: true }).getAttribute('value')).toBe(
      'UBC',
    );
    // The chosen grade is in sight in its scrolling list.
    expect(
      await page.getByTestId('grade-picker').evaluate((picker) => {
        const list = picker.querySelector('.grade-options')?.getBoundingClientRect();
        const chosen = picker.querySelector('.grade-option-chosen')?.getBoundingClientRect();
        return !!list && !!chosen && chosen.top >= list.top && chosen.bottom <= list.bottom;
      }),
    ).toBe(true);
    expect(await page.getByTestId('collect-source-class').inputValue()).toBe('post_consumer');
    expect(await page.getByTestId('resident-id').inputValue()).toBe(GOOD_ID);
    expect(await page.getByTestId('collect-price').inputValue()).toBe('12345.50');
    expect(await page.getByTestId('collect-save').count()).toBe(0);
    await saveScreenshot(page, 'correct-collection-prefilled-390-zh');

    // An extra digit: 15325 kg would be fine, 153250 kg is over the 100 t limit — the server says so at the field.
    const size = server.app.ledger.size;
    await gross.fill('153250');
    expect(await textOf(page.getByTestId('collect-net'))).toBe('153038 kg');
    await page.getByTestId('correct-save').click();
    const grossField = page.locator('.field', { has: gross });
    await grossField.locator('.field-error').waitFor();
    expect(await textOf(grossField.locator('.field-error'))).toContain('超过单个批次 100 吨');
    expect(await page.getByTestId('correct-problem').count()).toBe(0);
    expect(server.app.ledger.size).toBe(size);
    await saveScreenshot(page, 'correct-collection-refused-390-zh');

    // The English reader sees the same refusal in English.
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Correct a ledger entry' }).waitFor();
    await page.getByTestId('correct-save').click();
    await expect.poll(() => textOf(grossField.locator('.field-error'))).toContain('over the 100 t');
    await saveScreenshot(page, 'correct-collection-refused-1280-en');

    await gross.fill('1532.5');
    expect(await textOf(page.getByTestId('collect-net'))).toBe('1320.5 kg');
    await page.getByTestId('correct-save').click();
    await page.getByTestId('correct-done').waitFor();
    // The correction and the corrected collection, in one step.
    expect(server.app.ledger.size).toBe(size + 2);
    const newLot = (await textOf(page.getByTestId('correct-new-lot'))).match(/PG01-\d{6}-\d{4}/)?.[0] as string;
    expect(newLot).toBeTruthy();
    expect(newLot).not.toBe(oldLot);
    await saveScreenshot(page, 'correct-collection-done-1280-en');

    await page.getByRole('link', { name: 'Open the new lot' }).click();
    await expect.poll(() => textOf(page.getByTestId('lot-id'))).toBe(newLot);
    expect(await textOf(page.getByTestId('lot-balance'))).toBe('1320.5 kg of 1320.5 kg');
    // The seller came across from the entry unchanged.
    await page.getByTestId('show-seller').click();
    expect(await textOf(page.getByTestId('seller-details'))).toContain('李明');
    await page.goto(`${server.url}/lots/${oldLot}`);
    await expect.poll(() => textOf(page.getByTestId('lot-state'))).toBe('Voided (corrected)');
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'correct-collection-old-lot-390-en');
    // The browser logs the two refused requests (400); nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    expect(errors.length).toBe(2);
  });
});
