// Report exports: any ReportTable (reports, incentive statements, targets) as CSV or XLSX.
export { type ExportColumn, type ExportLang, exportColumns, exportColumnsFor, headerWithUnit } from './export-columns';
export {
  contentDisposition,
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  exportFileNames,
  renderExport,
  writeExportFile,
} from './export-file';
export { type ProvenanceLine, provenanceLines } from './provenance-block';
export { csvRecords, guardFormula, reportToCsv } from './report-csv';
export { reportToXlsx, xlsxHeaderRow } from './report-xlsx';
