// Renders a section as a fixed-width text table. Numbers and verdicts are
// right-aligned so that columns of figures line up by their last digit.
import type { Section } from './section';

const RIGHT_ALIGNED = /^[-+]?[\d.,]+|^(PASS|FAIL|—)$/;

export function renderSection(section: Section): string {
  const widths = section.headers.map((h, col) =>
    Math.max(h.length, ...section.rows.map((row) => displayWidth(row[col] ?? ''))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, col) => {
        const pad = ' '.repeat((widths[col] ?? 0) - displayWidth(cell));
        return col > 0 && RIGHT_ALIGNED.test(cell) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [`\n## ${section.title}`, '', line(section.headers), rule, ...section.rows.map(line)];
  if (section.notes.length > 0) out.push('', ...section.notes.map((n) => `  · ${n}`));
  return out.join('\n');
}

// CJK characters take two columns in a terminal.
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return width;
}
