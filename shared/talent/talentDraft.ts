/** A talent record before it is stored: everything but the id, timestamps and import batch. */
import type { Talent } from './talent';

export type TalentDraft = Omit<Talent, 'id' | 'createdAt' | 'updatedAt' | 'importBatchId'>;

/** A blank draft with the defaults of a new record (居民身份证, 在库, 其他, no derived levels). */
export function emptyTalentDraft(): TalentDraft {
  return {
    name: '',
    gender: '',
    idType: 'resident',
    idNumber: '',
    birthDate: '',
    nationality: '',
    phone: '',
    email: '',
    education: '',
    degree: '',
    school: '',
    major: '',
    graduationDate: '',
    employer: '',
    employerCreditCode: '',
    district: '',
    cluster: '',
    industrySegment: '',
    category: 'other',
    position: '',
    overseas: false,
    joinedDate: '',
    leftDate: '',
    leftReason: '',
    status: 'active',
    tags: [],
    remarks: '',
    titleLevel: 'none',
    skillLevel: 0,
  };
}
