// What the collection tests share: an operator at PG01, a seller's ID number
// right and mistyped, and filling in the form as a person would.
import type { TestServer } from '@alutrace/server/testing';
import { residentIdCheckCharacter } from '@alutrace/shared';
import type { Page } from 'playwright-core';
import { addSite, addUser, type E2e } from './fixtures';

const ID_BODY = '45100219850615123';
export const GOOD_ID = `${ID_BODY}${residentIdCheckCharacter(ID_BODY)}`;
/** The same number with another check character: a digit typed wrong. */
export const BAD_ID = `${ID_BODY}${GOOD_ID.endsWith('1') ? '2' : '1'}`;

/** A server with the collection point PG01 and its operator 李师傅. */
export async function operatorServer(e2e: E2e): Promise<{ server: TestServer; operatorId: string }> {
  const server = await e2e.startServer();
  await addSite(server, 'PG01', 'collection_point', '平果回收站', 'Pingguo collection point');
  const operator = await addUser(server, { username: 'li', displayName: '李师傅', role: 'operator', sites: ['PG01'] });
  return { server, operatorId: operator.id };
}

/** Fills the form for a UBC lot of 1523.5 − 200 − 12 kg sold by an individual. */
export async function fillCollection(page: Page, options: { gross?: string; id?: string } = {}): Promise<void> {
  await page.getByPlaceholder(/搜索品级|Search grades/).fill('UBC');
  await page.getByTestId('grade-picker').getByRole('radio').first().check();
  await page.getByTestId('collect-gross').fill(options.gross ?? '1523.5');
  await page.getByTestId('collect-tare').fill('200');
  await page.getByTestId('collect-deduction').fill('12');
  await page.getByLabel(/^(姓名|Name)$/).fill('李明');
  await page.getByTestId('resident-id').fill(options.id ?? GOOD_ID);
  await page.getByTestId('collect-price').fill('12345.50');
}
