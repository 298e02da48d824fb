// anomalies.* (the officials' list, its export and its thresholds) and
// scans.reportMismatch (any scanner reporting a label with a wrong digest).
// The work is in domain/anomalies/.
import {
  type AnomalyExport,
  type AnomalyList,
  type AnomalyThresholdsView,
  exportAnomaliesInput,
  listAnomaliesInput,
  reportScanMismatchInput,
  type ScanMismatchReceipt,
  setAnomalyThresholdsInput,
} from '@alutrace/shared';
import { actorOf } from '../auth/principal';
import { exportAnomalies } from '../domain/anomalies/export-anomalies';
import { listAnomalies } from '../domain/anomalies/list-anomalies';
import { reportScanMismatch } from '../domain/anomalies/report-scan-mismatch';
import { readThresholds, setThresholds } from '../domain/anomalies/thresholds';
import { procedure, router } from '../trpc/trpc';

const read = procedure({ permission: 'anomalies:read' });
const configure = procedure({ permission: 'anomalies:configure' });

export const anomaliesRouter = router({
  list: read.input(listAnomaliesInput).query(({ ctx, input }): AnomalyList => listAnomalies(ctx.app, input)),
  export: read
    .input(exportAnomaliesInput)
    .query(({ ctx, input }): Promise<AnomalyExport> => exportAnomalies(ctx.app, input)),
  thresholds: configure.query(({ ctx }): AnomalyThresholdsView => readThresholds(ctx.app.db, ctx.app.rules)),
  /** Each change is one anomaly_thresholds.set entry; a person sets them, not a device. */
  setThresholds: procedure({ permission: 'anomalies:configure', usersOnly: true })
    .input(setAnomalyThresholdsInput)
    .mutation(
      ({ ctx, input }): Promise<AnomalyThresholdsView> => setThresholds(ctx.app, actorOf(ctx.principal), input),
    ),
});

export const scansRouter = router({
  /** Operating roles name one of their sites; officials and administrators may name any or none. */
  reportMismatch: procedure({ permission: 'scans:report', site: 'resource' })
    .input(reportScanMismatchInput)
    .mutation(
      ({ ctx, input }): ScanMismatchReceipt =>
        reportScanMismatch(ctx.app, ctx.auth.principal, ctx.auth.assertSite, input),
    ),
});
