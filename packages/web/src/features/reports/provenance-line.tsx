import type { ReportProvenance } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { ShortHash } from '../../components/short-hash';
import { useFormat } from '../../i18n/use-format';
import { useWords } from '../lifecycle-forms/use-words';
import { reportEn, reportZh } from './report-words';

/** "Computed at checkpoint N, root …, factors v…, Asia/Shanghai": what every figure on the page rests on. */
export function ProvenanceLine({ provenance }: { provenance: ReportProvenance }): ReactElement {
  const w = useWords(reportZh, reportEn);
  const format = useFormat();
  const factors = Object.entries(provenance.factorVersions)
    .map(([name, version]) => w.factorsVersion(w.factorNames[name] ?? name, version))
    .join(', ');
  const [before, after] = w.provenance(provenance.treeSize, '\u0000', factors, provenance.timeZone).split('\u0000') as [
    string,
    string,
  ];
  return (
    <p className="report-provenance" data-testid="report-provenance">
      {before}
      <span className="no-print">
        <ShortHash hex={provenance.rootHash} />
      </span>
      {/* On paper nobody can hover for the rest of the hash. */}
      <code className="print-inline">{provenance.rootHash}</code>
      {after}
      {provenance.computedFrom === 'log' && w.fromLog}
      <span className="report-computed-at">
        {' · '}
        {w.computedAt} {format.dateTime(provenance.computedAt)}
      </span>
    </p>
  );
}
