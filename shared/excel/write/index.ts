/** Spreadsheet writers: list exports (xlsx/CSV), templates and the annotated error report. */
export * from './cellValues';
export * from './csvWriter';
export * from './errorReport';
export * from './listExport';
export * from './templates';
export * from './xlsxWriter';
export * from './zipWriter';
