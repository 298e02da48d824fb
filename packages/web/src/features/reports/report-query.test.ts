import { describe, expect, it } from 'vitest';
import { type ReportSpec, reportSpec } from './report-catalogue';
import { defaultRange, downloadHref, filtersFromSearch, inputOfFilters, searchOfFilters } from './report-query';

function spec(name: string): ReportSpec {
  const found = reportSpec(name);
  if (!found) throw new Error(`no report ${name}`);
  return found;
}
const volumes = spec('volumes');
const shipments = spec('shipments');
const discrepancies = spec('discrepancies');

describe("a report's filters in the address", () => {
  it('default to this year so far in China time, by month', () => {
    // 2026-12-31T17:00Z is already 1 January 2027 in Shanghai.
    expect(defaultRange(new Date('2026-12-31T17:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    const values = filtersFromSearch(volumes, new URLSearchParams(''), new Date('2026-11-28T04:00:00Z'));
    expect(values).toMatchObject({ period: 'month', from: '2026-01-01', to: '2026-11-28', group1: '', group2: '' });
  });

  it("start from the server's default grouping, and keep an explicit 'none'", () => {
    expect(filtersFromSearch(shipments, new URLSearchParams('')).group1).toBe('chain');
    expect(filtersFromSearch(shipments, new URLSearchParams('groupBy=')).group1).toBe('');
  });

  it('make the same input and download query', () => {
    const values = filtersFromSearch(
      volumes,
      new URLSearchParams('period=quarter&from=2026-01-01&to=2026-06-30&groupBy=site,family&family=ubc&status=open'),
    );
    expect(inputOfFilters(volumes, values)).toEqual({
      period: 'quarter',
      from: '2026-01-01',
      to: '2026-06-30',
      groupBy: ['site', 'family'],
      family: 'ubc',
    });
    const search = searchOfFilters(volumes, values);
    expect(downloadHref('volumes', 'csv', search, 'en')).toBe(
      '/reports/volumes.csv?period=quarter&from=2026-01-01&to=2026-06-30&family=ubc&groupBy=site%2Cfamily&lang=en',
    );
  });

  it('send an emission-factor version as the number the procedure takes', () => {
    const emissions = spec('emissions');
    const values = filtersFromSearch(emissions, new URLSearchParams('from=2026-01-01&to=2026-12-31&factorVersion=2'));
    expect(inputOfFilters(emissions, values)).toMatchObject({ factorVersion: 2, groupBy: [] });
    expect(searchOfFilters(emissions, values).get('factorVersion')).toBe('2');
  });

  it('leave out what a report does not take', () => {
    const values = filtersFromSearch(
      discrepancies,
      new URLSearchParams('period=week&from=2026-01-01&to=2026-02-01&status=open&grade=UBC'),
    );
    expect(inputOfFilters(discrepancies, values)).toEqual({ from: '2026-01-01', to: '2026-02-01', status: 'open' });
  });
});
