/**
 * The talent as the list's worker keeps it in memory: the search index's fields plus every other
 * column of the talent field table, i.e. everything the list can show and export. Keeping all of
 * them (not just the searchable ones) lets the list show any column and the export write any
 * column without reading IndexedDB again: at 300,000 talents that read and the records'
 * deserialisation cost more CPU than writing the file (bench/README.md, export).
 */
import type { Talent } from '../talent/talent';
import { talentFields, type TalentFieldKey } from '../talent/talentFields';
import { TALENT_INDEX_FIELDS, type TalentIndexSource } from './talentSearch';

/** Columns of the field table outside the search index's fields, in field-table order. */
export const TALENT_LIST_EXTRA_FIELDS: readonly Exclude<TalentFieldKey, keyof TalentIndexSource>[] = talentFields
  .map((field) => field.key)
  .filter((key): key is Exclude<TalentFieldKey, keyof TalentIndexSource> => !(TALENT_INDEX_FIELDS as readonly string[]).includes(key));

/** Every field of a list record: the index's fields first (their order is the snapshot's), then the rest. */
export const TALENT_LIST_RECORD_FIELDS: readonly (keyof TalentListRecord)[] = [...TALENT_INDEX_FIELDS, ...TALENT_LIST_EXTRA_FIELDS];

/** A talent without its bookkeeping (`createdAt`, `importBatchId`): what a list row can show and an export writes. */
export type TalentListRecord = TalentIndexSource & Pick<Talent, Exclude<TalentFieldKey, keyof TalentIndexSource>>;

/** The list record of a stored talent; records from older versions may lack fields, which get their empty value. */
export function listRecordOf(talent: Partial<Talent> & Pick<Talent, 'id'>): TalentListRecord {
  return {
    id: talent.id,
    name: talent.name ?? '',
    gender: talent.gender ?? '',
    idType: talent.idType ?? 'resident',
    idNumber: talent.idNumber ?? '',
    birthDate: talent.birthDate ?? '',
    phone: talent.phone ?? '',
    education: talent.education ?? '',
    employer: talent.employer ?? '',
    district: talent.district ?? '',
    cluster: talent.cluster ?? '',
    category: talent.category ?? 'other',
    titleLevel: talent.titleLevel ?? 'none',
    skillLevel: talent.skillLevel ?? 0,
    status: talent.status ?? 'active',
    overseas: talent.overseas === true,
    joinedDate: talent.joinedDate ?? '',
    updatedAt: talent.updatedAt ?? '',
    nationality: talent.nationality ?? '',
    email: talent.email ?? '',
    degree: talent.degree ?? '',
    school: talent.school ?? '',
    major: talent.major ?? '',
    graduationDate: talent.graduationDate ?? '',
    employerCreditCode: talent.employerCreditCode ?? '',
    industrySegment: talent.industrySegment ?? '',
    position: talent.position ?? '',
    leftDate: talent.leftDate ?? '',
    leftReason: talent.leftReason ?? '',
    tags: Array.isArray(talent.tags) ? talent.tags : [],
    remarks: talent.remarks ?? '',
  };
}
