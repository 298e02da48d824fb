// The label's layout: exact masses, Shanghai dates, and everything inside
// 60 × 40 mm whatever the names and the public URL's length.
import { describe, expect, it } from 'vitest';
import type { LabelData } from './label-data';
import { measureText } from './label-font';
import { LABEL_HEIGHT, LABEL_WIDTH, labelDate, labelMass, layoutLabel, QUIET_ZONE_MODULES } from './label-layout';

const label: LabelData = {
  lotId: 'PG01-261128-0007',
  url: 'https://alutrace.example.cn/l/PG01-261128-0007?d=joyijfnleh',
  material: '废铝易拉罐（打包）',
  massG: 1_311_000,
  createdAt: '2026-11-28T02:00:00.000Z',
  siteCode: 'PG01',
  siteName: '平果回收站',
};

describe('label text', () => {
  it('shows the net mass exactly in kg, with at least one decimal', () => {
    expect(labelMass(1_311_000)).toBe('1311.0 kg');
    expect(labelMass(1_284_800)).toBe('1284.8 kg');
    expect(labelMass(1_311_007)).toBe('1311.007 kg');
    expect(labelMass(12)).toBe('0.012 kg');
    expect(labelMass(100_000_000)).toBe('100000.0 kg');
  });

  it('dates a lot by the calendar day in Asia/Shanghai', () => {
    expect(labelDate('2026-11-27T15:59:59.999Z')).toBe('2026-11-27');
    expect(labelDate('2026-11-27T16:00:00.000Z')).toBe('2026-11-28');
  });
});

describe('label layout', () => {
  const cases: [string, LabelData][] = [
    ['a usual label', label],
    [
      'long names and a long public URL',
      {
        ...label,
        lotId: 'ABCDEFGHIJKL-261128-9999',
        url: `https://traceability.recycled-aluminium.baise.example.gov.cn/ledger/l/ABCDEFGHIJKL-261128-9999?d=joyijfnleh`,
        material: '废铝型材（含隔热条、表面喷涂，未分选）',
        massG: 99_999_999,
        siteName: '百色市平果市新安镇再生资源回收利用有限公司第三回收站',
      },
    ],
  ];

  it.each(cases)('keeps every text inside the label: %s', (_name, data) => {
    for (const t of layoutLabel(data).texts) {
      const width = measureText(t.text, t.size, t.bold ? 'bold' : 'regular');
      expect(t.x + width, t.text).toBeLessThanOrEqual(LABEL_WIDTH);
      expect(t.y, t.text).toBeLessThanOrEqual(LABEL_HEIGHT);
      expect(t.size).toBeGreaterThanOrEqual(16);
    }
  });

  it('shortens a name too long for the label with a visible ellipsis', () => {
    const long = cases[1]?.[1] as LabelData;
    const site = layoutLabel(long).texts.at(-1);
    expect(site?.text).toMatch(/^百色市平果市.+…$/);
    expect(layoutLabel(long).texts[0]?.text).toBe(long.lotId);
  });

  it.each(cases)('draws the QR code in whole dots with its quiet zone on the label: %s', (_name, data) => {
    const { qr, texts } = layoutLabel(data);
    expect(Number.isInteger(qr.module)).toBe(true);
    expect(qr.module).toBeGreaterThanOrEqual(4);
    const quiet = QUIET_ZONE_MODULES * qr.module;
    const [left, top] = [qr.x - quiet, qr.y - quiet];
    const [right, bottom] = [qr.x + qr.size * qr.module + quiet, qr.y + qr.size * qr.module + quiet];
    expect(left).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(LABEL_HEIGHT);
    // No text in the quiet zone: the lot id sits above it, the rest to its right.
    const [lotId, ...column] = texts;
    expect(lotId?.y).toBeLessThanOrEqual(top);
    for (const t of column) expect(t.x).toBeGreaterThanOrEqual(right);
  });
});
