/** Identity documents, credit codes, phones, e-mail and masking: pure checks with stable codes. */
export * from './normalize';
export * from './citizenId';
export * from './documents';
export * from './creditCode';
export * from './contact';
export * from './mask';
