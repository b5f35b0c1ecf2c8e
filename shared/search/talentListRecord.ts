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

/**
 * Fields whose values are mostly one person's own. Every other text field repeats across people
 * (codes, districts, employers, schools, dates, an import's change stamp) and is interned.
 */
const PER_PERSON_FIELDS: ReadonlySet<keyof TalentListRecord> = new Set<keyof TalentListRecord>(['id', 'name', 'idNumber', 'phone', 'email', 'remarks']);
const INTERNED_FIELDS = TALENT_LIST_RECORD_FIELDS.filter((field) => !PER_PERSON_FIELDS.has(field) && field !== 'tags');

/**
 * Makes records share one copy of each repeated value. Records read from IndexedDB each carry their
 * own copies (structured clone), so 300,000 of them hold ≈ 6 million small strings where ≈ 20,000
 * distinct ones would do: in Node the records took 249 MB and a full GC 368 ms; interned, 101 MB
 * and 128 ms. The index worker's heap is collected while a clerk types, and a keystroke waits out
 * its pauses. Tags lists are shared too (frozen: a shared list must never be changed in place).
 * Use one interner per batch of records (a full read) and drop it after: its pool is not needed
 * once the records share their values.
 */
export function createListRecordInterner(): (record: TalentListRecord) => TalentListRecord {
  const strings = new Map<string, string>();
  const tagLists = new Map<string, readonly string[]>();
  const intern = (value: string): string => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  return (record) => {
    const fields = record as unknown as Record<string, unknown>;
    for (const field of INTERNED_FIELDS) {
      const value = fields[field];
      if (typeof value === 'string' && value !== '') fields[field] = intern(value);
    }
    if (record.tags.length === 0) record.tags = NO_TAGS;
    else {
      const key = record.tags.join('\u0000');
      const known = tagLists.get(key);
      if (known) record.tags = known as string[];
      else {
        const shared = Object.freeze(record.tags.map(intern));
        tagLists.set(key, shared);
        record.tags = shared as string[];
      }
    }
    return record;
  };
}

/** The one empty tags list of interned records (frozen, like every shared list). */
const NO_TAGS = Object.freeze([]) as readonly string[] as string[];
