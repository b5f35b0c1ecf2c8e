/** Domain dates: plain `YYYY-MM-DD` / `YYYY-MM` strings and the one spreadsheet-cell parser. */
export * from './ymd';
export * from './parseDateCell';
