/** Row validation with stable issue codes, driven by field tables. */
export * from './issues';
export * from './validateRecord';
export * from './validateTalent';
export * from './duplicates';
export * from './headers';
export { talentIdentityKey } from '../identity/documents';
