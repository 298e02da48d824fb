// A ReportTable as an HTML table: headers in the reader's language with
// their units, figures right-aligned and rounded as the header says, the
// exact value (grams, ppm, fen) in each cell's tooltip, and the totals row.
import type { ReportCell, ReportColumn, ReportTable } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { ShortHash } from '../../components/short-hash';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { vocabularyText } from './cell-vocabulary';
import { columnUnit, formatCell } from './format-cell';

const HASH_RE = /^[0-9a-f]{64}$/;

import { reportEn, reportZh } from './report-words';

function Cell({ column, value, header }: { column: ReportColumn; value: ReportCell; header?: boolean }): ReactElement {
  const lang = useLang();
  const shown = typeof value === 'string' ? vocabularyText(column.key, value, lang) : value;
  const { text, exact } = formatCell(column, shown);
  // On a phone each row is a card, each cell labelled with its column (styles/tables.css).
  const label = columnHeading(column, lang);
  const numeric = column.kind !== 'text' && column.kind !== 'date';
  const className = numeric ? 'num' : undefined;
  const content =
    column.kind === 'text' && typeof value === 'string' && HASH_RE.test(value) ? <ShortHash hex={value} /> : text;
  if (header) {
    return (
      <th scope="row" className={className} title={exact} data-label={label}>
        {content}
      </th>
    );
  }
  return (
    <td className={className} title={exact} data-label={label}>
      {content}
    </td>
  );
}

export function columnHeading(column: ReportColumn, lang: 'zh' | 'en'): string {
  const unit = columnUnit(column);
  return unit ? `${column.label[lang]} (${unit})` : column.label[lang];
}

export function ReportTableView({
  table,
  testId = 'report-table',
}: {
  table: ReportTable;
  testId?: string;
}): ReactElement {
  const lang = useLang();
  const w = useWords(reportZh, reportEn);
  if (table.rows.length === 0) {
    return (
      <p className="empty" data-testid={`${testId}-empty`}>
        {w.noRows}
      </p>
    );
  }
  const totals = table.totals;
  const [firstColumn] = table.columns;
  return (
    <div className="table-wrap report-table-wrap">
      <table className="data-table report-table" data-testid={testId}>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.kind === 'text' || column.kind === 'date' ? undefined : 'num'}
              >
                {columnHeading(column, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            // Rows have no id of their own; their order is the report's.
            // biome-ignore lint/suspicious/noArrayIndexKey: a report's rows are replaced whole, never reordered.
            <tr key={index}>
              {table.columns.map((column) => (
                <Cell key={column.key} column={column} value={row[column.key] ?? null} />
              ))}
            </tr>
          ))}
        </tbody>
        {totals && firstColumn && (
          <tfoot>
            <tr data-testid={`${testId}-totals`}>
              {table.columns.map((column, i) =>
                i === 0 && totals[column.key] === undefined ? (
                  <th key={column.key} scope="row">
                    {w.total}
                  </th>
                ) : totals[column.key] === undefined ? (
                  // No total for a name or a ratio the report did not sum: an empty cell, not a dash.
                  <td key={column.key} />
                ) : (
                  <Cell key={column.key} column={column} value={totals[column.key] ?? null} />
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
