import type { ReportName } from '@alutrace/shared';
import type { ReactElement } from 'react';
import { Link } from 'react-router';
import { isAllowed } from '../../app/page-access';
import { useMe } from '../../auth/use-session';
import { useWords } from '../lifecycle-forms/use-words';
import { REPORT_SPECS, reportPath } from './report-catalogue';
import { reportEn, reportZh } from './report-words';

export type ReportTab = ReportName | 'dashboard' | 'targets' | 'incentives';

/**
 * The officials' pages, as tabs above each of them: the header's navigation
 * has one entry for all (a phone has no room for eight), these lead on.
 */
export function ReportTabs({ current }: { current: ReportTab }): ReactElement {
  const w = useWords(reportZh, reportEn);
  const me = useMe();
  const tab = (key: ReportTab, to: string, label: string) => (
    <li key={key}>
      <Link to={to} aria-current={current === key ? 'page' : undefined} data-testid={`report-tab-${key}`}>
        {label}
      </Link>
    </li>
  );
  return (
    <nav className="report-tabs no-print" aria-label={w.allReports}>
      <ul>
        {isAllowed('targets:read', me) && tab('dashboard', '/reports', w.dashboard)}
        {REPORT_SPECS.map((spec) => tab(spec.name, reportPath(spec.name), w.names[spec.name]))}
        {isAllowed('targets:read', me) && tab('targets', '/targets', w.targetsTab)}
        {isAllowed('incentives:read', me) && tab('incentives', '/incentives', w.incentivesTab)}
      </ul>
    </nav>
  );
}
