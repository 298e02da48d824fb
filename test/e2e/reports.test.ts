// The officials' pages in a real browser against a real server: an official
// signs in, sees the dashboard, filters the volumes report, downloads it as
// CSV and Excel (headers read back), drafts an incentive statement, issues it
// after the confirmation and opens it again; a target's progress; a report
// printed on A4 without the navigation. The figures come from the passport
// world (test/e2e/passport-world.ts), computed by hand:
//   collected 600 kg + 400 kg = 1.000 t at PG01 (UBC), received 1.000 t at RC01,
//   consumed 1.000 t, produced a 900 kg ingot = 0.900 t, shipped 0.900 t to
//   the construction chain; dross 60 kg generated, none utilised (0.00 %).
//   A scheme paying 80 yuan/t to collection points: 0.6 t × 8,000 fen = 4,800
//   fen and 0.4 t × 8,000 fen = 3,200 fen, payable ¥80.00 in 2 lines.
// Screenshots at 360/390 and 1440 px in Chinese and English land in
// test-results/ (reports-*.png).

import { readFileSync } from 'node:fs';
import type { TestServer } from '@alutrace/server/testing';
import ExcelJS from 'exceljs';
import * as mupdf from 'mupdf';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { Client } from '../api/http-client';
import { SCREENSHOT_DIR, saveScreenshot } from './browser';
import { addUser, DESKTOP_WIDE, PASSWORD, signInThroughForm, test, textOf } from './fixtures';
import { recordPassportWorld } from './passport-world';

const PHONE_NARROW = { width: 360, height: 780 };

/** This year in Asia/Shanghai, as the server counts it. */
function shanghaiYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

/** A client signed in as `userId` (a session made on the server, sent as the cookie). */
function clientAs(server: TestServer, userId: string): Client {
  const client = new Client(server.url);
  const { token } = server.app.auth.sessions.create(userId, { ip: '127.0.0.1', userAgent: null });
  client.cookie = `${server.app.auth.cookieName}=${token}`;
  return client;
}

async function settle(page: Page): Promise<void> {
  // Two frames, so the page is laid out and painted (charts resized) at the new width before the capture.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(150);
}

async function setLanguage(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await page.locator(`.language-switch button[lang="${lang === 'zh' ? 'zh-CN' : 'en'}"]`).dispatchEvent('click');
}

/** Both languages at phone and desktop width, then back to Chinese at desktop width. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const lang of ['zh', 'en'] as const) {
    await setLanguage(page, lang);
    for (const [size, viewport] of [
      ['phone', PHONE_NARROW],
      ['desktop', DESKTOP_WIDE],
    ] as const) {
      await page.setViewportSize(viewport);
      await settle(page);
      await saveScreenshot(page, `${name}-${size}-${lang}`);
      // Nothing sticks out sideways at either width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${viewport.width} px in ${lang}`).toBeLessThanOrEqual(0);
    }
  }
  await setLanguage(page, 'zh');
  await page.setViewportSize(DESKTOP_WIDE);
}

/** The header row of a CSV export: the first row after the provenance lines (#…) and the blank row. */
function csvHeader(bytes: Buffer): { bom: boolean; header: string } {
  const text = bytes.toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.find((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('"#')) ?? '';
  return { bom, header };
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the officials’ reports, targets and incentives', () => {
  test('an official signs in, reads the dashboard, filters and downloads a report, and issues a statement', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    await recordPassportWorld(server);
    await addUser(server, { username: 'zhao', displayName: '赵主任', role: 'official' });
    const admin = await addUser(server, { username: 'lin', displayName: '林管理', role: 'admin' });
    const year = shanghaiYear();
    const defined = await clientAs(server, admin.id).mutate('incentives.defineScheme', {
      code: 'UBC2026',
      nameZh: '废铝回收补贴',
      nameEn: 'Scrap recovery incentive',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      rates: [{ family: null, sourceClass: null, rateFenPerT: 8_000 }],
      siteKinds: ['collection_point'],
      capFen: 10_000_000,
    });
    expect(defined.status, JSON.stringify(defined.body)).toBe(200);

    // Signs in through the form and lands on the home, whose tile leads to the dashboard.
    const { page, errors } = await e2e.openPage(server, '/login', { viewport: DESKTOP_WIDE });
    await signInThroughForm(page, 'zhao', PASSWORD);
    await page.getByTestId('home-tiles').waitFor();
    await page.getByTestId('home-reports').click();
    await page.getByTestId('reports-dashboard').waitFor();

    // KPIs, hand-computed from the world: 1.000 t collected, 0.900 t produced and shipped.
    await expect.poll(() => textOf(page.getByTestId('kpi-collected').locator('.kpi-value'))).toBe('1.000t');
    expect(await page.getByTestId('kpi-collected').locator('.kpi-value').getAttribute('title')).toBe('1,000,000 g');
    expect(await textOf(page.getByTestId('kpi-produced').locator('.kpi-value'))).toBe('0.900t');
    expect(await textOf(page.getByTestId('kpi-shipped').locator('.kpi-value'))).toBe('0.900t');
    await expect.poll(() => textOf(page.getByTestId('kpi-dross').locator('.kpi-value'))).toBe('0.00%');
    // Yield counts the scrap's metal only: (900 kg ingot − 50 kg primary aluminium) ÷ 1,000 kg scrap = 85.00 %.
    await expect.poll(() => textOf(page.getByTestId('kpi-yield').locator('.kpi-value'))).toBe('85.00%');
    expect(await textOf(page.getByTestId('report-provenance'))).toContain('Asia/Shanghai');
    expect(await textOf(page.getByTestId('report-provenance'))).toContain(`第 ${server.app.ledger.size} 号检查点`);
    // Each chart is drawn (SVG) once its report arrives.
    for (const chart of ['chart-volumes', 'chart-family', 'chart-yield', 'chart-dross', 'chart-chain']) {
      await page.getByTestId(chart).locator('svg').first().waitFor();
    }
    await shoot(page, 'reports-dashboard');

    // The volumes report, by year and grade family.
    await page.getByTestId('report-tab-volumes').click();
    await page.getByTestId('report-volumes').waitFor();
    await page.getByTestId('filter-period').selectOption('year');
    await page.getByTestId('filter-group1').selectOption('family');
    // The same dimension twice is refused next to the field, before asking the server.
    await page.getByTestId('filter-group2').selectOption('family');
    await page.getByTestId('filter-apply').click();
    expect(await textOf(page.locator('.field-error'))).toContain('两个分组维度不能相同');
    await page.getByTestId('filter-group2').selectOption('');
    await page.getByTestId('filter-apply').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('groupBy')).toBe('family');
    expect(new URL(page.url()).pathname).toBe('/reports/view/volumes');
    // The address is the report: reloaded, it shows the same (the server keeps /reports/{name}.csv for files).
    await page.reload();
    const row = page.getByTestId('report-table').locator('tbody tr').filter({ hasText: '废铝易拉罐' });
    await row.waitFor();
    expect(await row.locator('td').nth(0).textContent()).toBe(String(year));
    expect(await page.getByTestId('report-table').locator('thead').textContent()).toContain('回收量 (t)');
    const collectedCell = row.locator('td[data-label="回收量 (t)"]');
    expect(await textOf(collectedCell)).toBe('1.000');
    expect(await collectedCell.getAttribute('title')).toBe('1,000,000 g');
    await page.getByTestId('report-chart').locator('svg').first().waitFor();
    await shoot(page, 'reports-volumes');

    // The downloads carry the filters on screen and the reader's language.
    const csvHref = (await page.getByTestId('export-csv').getAttribute('href')) ?? '';
    expect(csvHref).toContain('/reports/volumes.csv?');
    expect(new URL(csvHref, server.url).searchParams.get('groupBy')).toBe('family');
    expect(new URL(csvHref, server.url).searchParams.get('lang')).toBe('zh');
    const csv = await download(page, 'export-csv');
    const { bom, header } = csvHeader(csv.bytes);
    expect(bom).toBe(true);
    expect(header.startsWith('期间,品级类别,回收量（吨）')).toBe(true);
    const xlsx = await download(page, 'export-xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headerTexts: string[] = [];
    sheet?.eachRow((r) => {
      const values = (r.values as unknown[]).map(String);
      if (values.includes('期间')) headerTexts.push(...values);
    });
    expect(headerTexts).toContain('回收量（吨）');

    // In English, the download is asked for in English.
    await setLanguage(page, 'en');
    expect(
      new URL((await page.getByTestId('export-csv').getAttribute('href')) ?? '', server.url).searchParams.get('lang'),
    ).toBe('en');
    const csvEn = csvHeader((await download(page, 'export-csv')).bytes);
    expect(csvEn.header.startsWith('Period,Grade family,Collected (t)')).toBe(true);
    await setLanguage(page, 'zh');

    // Printed on A4: the figures and their checkpoint, without the navigation.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByTestId('report-filters').isVisible()).toBe(false);
    expect(await page.getByTestId('report-provenance').isVisible()).toBe(true);
    expect(await page.getByTestId('report-table').locator('thead').isVisible()).toBe(true);
    // Chromium's own print to PDF, on A4 as the page's @page asks: one page, the figures, the whole root hash, no app around it.
    const a4 = await page.pdf({ path: `${SCREENSHOT_DIR}reports-volumes-a4.pdf`, preferCSSPageSize: true });
    const printed = mupdf.Document.openDocument(a4, 'application/pdf');
    expect(printed.countPages()).toBe(1);
    const [, , width, height] = printed.loadPage(0).getBounds();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]); // A4 in points (210 × 297 mm)
    const printedText = printed.loadPage(0).toStructuredText('preserve-whitespace').asText();
    expect(printedText).toContain('回收与再生铝量');
    const root = server.app.ledger.head()?.rootHash ?? 'no checkpoint';
    expect(await textOf(page.getByTestId('report-provenance').locator('code.print-inline'))).toBe(root);
    expect(printedText.replace(/\s/g, '')).toContain(root);
    for (const chrome of ['首页', '账本来源', '下载 CSV', '查询']) expect(printedText).not.toContain(chrome);
    await saveScreenshot(page, 'reports-volumes-print');
    await page.emulateMedia({ media: 'screen' });

    // Incentives: draft the statement for PG01, see its lines and totals, issue it after confirming.
    await page.getByTestId('report-tab-incentives').click();
    await page.getByTestId('incentives-page').waitFor();
    await page.getByTestId('scheme-UBC2026').waitFor();
    await shoot(page, 'reports-incentives');
    await page.getByTestId('draft-scheme').selectOption('UBC2026');
    await page.getByTestId('draft-site').selectOption('PG01');
    await page.getByTestId('draft-compute').click();
    await page.getByTestId('statement').waitFor();
    expect(await textOf(page.getByTestId('statement-status'))).toBe('草稿');
    expect(await textOf(page.getByTestId('statement-payable'))).toBe('¥80.00');
    expect(await page.getByTestId('statement-lines').locator('tbody tr').count()).toBe(2);
    const draftPdf = await page.request.get(
      `${server.url}${await page.getByTestId('statement-pdf').getAttribute('href')}`,
    );
    expect((await draftPdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await shoot(page, 'reports-statement-draft');
    await page.getByTestId('statement-issue').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认出具' }).click();
    await page.getByTestId('issued-statement-page').waitFor();
    await page.getByTestId('statement-issued').waitFor();
    expect(await textOf(page.getByTestId('statement-status'))).toBe('已出具');
    expect(await textOf(page.getByTestId('statement-payable'))).toBe('¥80.00');
    await shoot(page, 'reports-statement-issued');
    // Its address opens it again (the server keeps /incentives/statements/… for the files).
    await page.reload();
    expect(await textOf(page.getByTestId('statement-status'))).toBe('已出具');
    // Issuing the same tonnage again is refused: the draft now leaves both lots out as already paid.
    await page.goto(page.url().replace(/\/issued\/.*$/, `/draft?scheme=UBC2026&site=PG01`));
    await page.getByTestId('statement').waitFor();
    expect(await textOf(page.getByTestId('statement-payable'))).toBe('¥0.00');
    expect(await textOf(page.getByTestId('statement-by-reason'))).toContain('已在已出具的结算单中支付');
    expect(await page.getByTestId('statement-issue').isDisabled()).toBe(true);

    // Opened again from the list of issued statements; its PDF is a PDF.
    await page.getByRole('link', { name: '返回补贴结算' }).click();
    await page.getByTestId('open-statement').click();
    await page.getByTestId('statement').waitFor();
    const pdfHref = (await page.getByTestId('statement-pdf').getAttribute('href')) ?? '';
    const pdf = await page.request.get(`${server.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(errors).toEqual([]);
  });

  test("a recycler reads its own site's yield report, and is offered no other site and no dashboard", async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    await recordPassportWorld(server);
    const recycler = await addUser(server, { username: 'wu', role: 'recycler', sites: ['RC01'] });
    const { page, errors } = await e2e.openPage(server, '/reports/view/yield', {
      viewport: PHONE_NARROW,
      signedInAs: recycler.id,
    });
    const row = page.getByTestId('report-table').locator('tbody tr').first();
    await row.waitFor();
    expect(await textOf(row.locator('td[data-label="收得率 (%)"]'))).toBe('85.00 %');
    expect(await page.getByTestId('filter-site').locator('option').allTextContents()).toEqual(['RC01 平果再生铝']);
    expect(await page.getByTestId('report-tab-dashboard').count()).toBe(0);
    expect(
      new URL((await page.getByTestId('export-csv').getAttribute('href')) ?? '', server.url).searchParams.get('site'),
    ).toBe('RC01');
    await saveScreenshot(page, 'reports-yield-recycler-phone-zh');
    expect(errors).toEqual([]);
  });

  test('every report opens from its tab with a table, its downloads and its checkpoint', async ({ e2e }) => {
    const server = await e2e.startServer();
    await recordPassportWorld(server);
    const official = await addUser(server, { username: 'zhao', displayName: '赵主任', role: 'official' });
    const { page, errors } = await e2e.openPage(server, '/reports/view/volumes', {
      viewport: DESKTOP_WIDE,
      signedInAs: official.id,
    });
    await page.getByTestId('report-volumes').waitFor();
    // Hand-computed from the world: the dross 60 kg generated, none routed; the ingot's 0.900 t to construction.
    const expected: Record<string, { cell: string; text: string }> = {
      dross: { cell: '产生量 (t)', text: '0.060' },
      shipments: { cell: '销售量 (t)', text: '0.900' },
      discrepancies: { cell: '差异 (kg)', text: '0.000' },
      emissions: { cell: '再生铝产量 (t)', text: '0.900' },
      yield: { cell: '收得率 (%)', text: '85.00 %' },
    };
    for (const [name, { cell, text }] of Object.entries(expected)) {
      await page.getByTestId(`report-tab-${name}`).click();
      await page.getByTestId(`report-${name}`).waitFor();
      const first = page.getByTestId('report-table').locator(`tbody td[data-label="${cell}"]`).first();
      expect(await textOf(first), name).toBe(text);
      expect(await textOf(page.getByTestId('report-provenance'))).toContain('Asia/Shanghai');
      expect(await page.getByTestId('export-xlsx').getAttribute('href')).toContain(`/reports/${name}.xlsx?`);
      await saveScreenshot(page, `reports-${name}-desktop-zh`);
    }
    // Avoided emissions with DOMAIN.md's default factors (version 1): the ingot's recycled content,
    // 900 kg × 1,000 kg scrap ÷ 1,050 kg in = 857.14 kg, × (13.2 − 0.5) t CO₂e/t = 10.886 t.
    await page.getByTestId('report-tab-emissions').click();
    const avoided = page.getByTestId('report-table').locator('tbody td[data-label="减排量 (t CO₂e)"]').first();
    expect(await textOf(avoided)).toBe('10.886');
    expect(await page.getByTestId('filter-factor-version').locator('option').allTextContents()).toEqual([
      '检查点时的最新版本',
      '第 1 版：原铝 13.2，再生铝 0.5 t CO₂e/t',
    ]);
    expect(errors).toEqual([]);
  });

  test('an administrator defines a scheme through the form, an amount that is not yuan refused beside its field', async ({
    e2e,
  }) => {
    const server = await e2e.startServer();
    const admin = await addUser(server, { username: 'lin', displayName: '林管理', role: 'admin' });
    const year = shanghaiYear();
    const { page, errors } = await e2e.openPage(server, '/incentives', {
      viewport: PHONE_NARROW,
      signedInAs: admin.id,
    });
    const form = page.getByTestId('define-scheme');
    await form.waitFor();
    // No scheme yet: nothing to draft a statement under.
    expect(await page.getByTestId('draft-form').count()).toBe(0);
    await form.getByLabel('代码').fill('CAST26');
    await form.getByLabel('中文名称').fill('铸造废铝补贴');
    await form.getByLabel('英文名称').fill('Cast scrap incentive');
    await form.getByLabel('开始日期').fill(`${year}-01-01`);
    await form.getByLabel('结束日期').fill(`${year}-06-30`);
    await form.getByLabel('每家企业上限（元）').fill('50,000');
    await form.getByLabel('品级类别').selectOption('cast');
    await form.getByLabel('费率（元/吨）').fill('12.345');
    await form.getByRole('button', { name: '保存方案' }).click();
    expect(await textOf(form.locator('.field-error'))).toContain('最多两位小数');
    await form.getByLabel('费率（元/吨）').fill('120.5');
    await form.getByRole('checkbox', { name: '再生铝企业' }).check();
    await form.getByRole('button', { name: '保存方案' }).click();
    await page.getByTestId('scheme-saved').waitFor();
    const row = page.getByTestId('scheme-CAST26');
    await row.waitFor();
    expect(await textOf(row.locator('td[data-label="费率"]'))).toBe('铸造铝合金废料 / 任意: 120.50 元/吨');
    expect(await textOf(row.locator('td[data-label="每家企业上限"]'))).toBe('¥50,000.00');
    expect(await textOf(row.locator('td[data-label="适用站点类型"]'))).toBe('回收站点、再生铝企业');
    await shoot(page, 'reports-scheme-admin');
    expect(errors).toEqual([]);
  });

  test('a target shows its progress, projection and status with a chart', async ({ e2e }) => {
    const server = await e2e.startServer();
    await recordPassportWorld(server);
    const official = await addUser(server, { username: 'zhao', displayName: '赵主任', role: 'official' });
    const year = shanghaiYear();
    const { page, errors } = await e2e.openPage(server, '/targets', {
      viewport: DESKTOP_WIDE,
      signedInAs: official.id,
    });
    await page.getByTestId('targets-page').waitFor();
    // Defined through the form: recycled aluminium produced this year ≥ 120,000 t.
    await page.getByTestId('target-code').fill('PROD');
    await page.getByLabel('中文名称').fill('再生铝产量');
    await page.getByLabel('英文名称').fill('Recycled aluminium produced');
    await page.getByTestId('target-period').fill(String(year));
    await page.getByTestId('target-value').fill('120000');
    await page.getByTestId('define-target').getByRole('button', { name: '保存目标' }).click();
    await page.getByTestId('target-saved').waitFor();
    const row = page.getByTestId('target-PROD');
    await row.waitFor();
    expect(await textOf(row.locator('td').nth(2))).toBe('不低于 120,000.000 t');
    // 0.900 t so far of 120,000 t: far behind the pace.
    await expect.poll(() => row.getByTestId('target-status').getAttribute('data-status')).toBe('at_risk');
    await shoot(page, 'reports-targets');
    await row.getByRole('link').click();
    await page.getByTestId('target-page').waitFor();
    expect(await textOf(page.getByTestId('target-actual'))).toBe('0.900 t');
    await page.getByTestId('target-chart').locator('svg').first().waitFor();
    await shoot(page, 'reports-target');
    expect(errors).toEqual([]);
  });
});
