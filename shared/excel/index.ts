/** The pure spreadsheet import pipeline: used by the app's import worker and by scripts/check-file.ts. */
export * from './checkImportFile';
export * from './checkerReport';
export * from './delimitedText';
export * from './format';
export * from './grid';
export * from './headerMapping';
export * from './importErrors';
export * from './importKinds';
export * from './readWorkbook';
export * from './sheetLayout';
export * from './textDecoding';
export * from './validateRows';
export * from './zip';
