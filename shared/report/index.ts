/** The annual report's maths (统计报表): inputs, compact columns, headcount, training, definitions, snapshots, workbook. */
export * from './model';
export * from './columns';
export * from './headcount';
export * from './training';
export * from './definitions';
export * from './snapshot';
export * from './workbook';
export * from './absences';
