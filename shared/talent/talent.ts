/**
 * The stored talent record (人才). Code fields hold the `value` of an option in the talent field
 * table (shared/talent/talentFields.ts); dates are plain `YYYY-MM-DD` strings (毕业时间 `YYYY-MM`).
 */

export type IdDocumentType =
  | 'resident' // 居民身份证
  | 'hkMacauResidence' // 港澳居民居住证
  | 'taiwanResidence' // 台湾居民居住证
  | 'hkMacauPermit' // 港澳居民来往内地通行证
  | 'taiwanPermit' // 台湾居民来往大陆通行证
  | 'passport' // 护照
  | 'foreignPermanent'; // 外国人永久居留身份证

export type Gender = 'M' | 'F';

export type Education = 'phd' | 'master' | 'bachelor' | 'associate' | 'other';

export type TalentCategory =
  | 'topScientist' // 顶尖科学家
  | 'leadingTalent' // 领军人才
  | 'algorithmEngineer' // 算法研发工程师
  | 'aiTrainer' // 人工智能训练师
  | 'engineer' // 工程技术人员
  | 'industryExpert' // 行业专家
  | 'manager' // 管理人才
  | 'other'; // 其他

export type Cluster = 'zhangjiang' | 'xuhuiBinjiang' | 'minhangMaqiao' | 'lingang' | 'other';

export type TalentStatus = 'active' | 'movedOut' | 'cancelled'; // 在库 / 已迁出 / 已注销

/** 职称等级: derived from certifications, never typed by hand. */
export type TitleLevel = 'senior' | 'deputySenior' | 'intermediate' | 'junior' | 'none'; // 正高/副高/中级/初级/无

/** 技能等级 1 (一级/高级技师) … 5 (五级/初级工); 0 = none. Derived from passed enrollments. */
export type SkillLevel = 0 | 1 | 2 | 3 | 4 | 5;

export interface Talent {
  /** Primary key, a UUID. */
  id: string;
  name: string;
  gender: Gender | '';
  idType: IdDocumentType;
  /** Normalised document number (NFKC, no spaces, upper-case; 15-digit IDs upgraded to 18). */
  idNumber: string;
  birthDate: string;
  nationality: string;
  phone: string;
  email: string;
  education: Education | '';
  degree: string;
  school: string;
  major: string;
  /** `YYYY-MM`. */
  graduationDate: string;
  employer: string;
  employerCreditCode: string;
  /** GB/T 2260 code of a Shanghai district, e.g. `310115`; '' when unknown. */
  district: string;
  cluster: Cluster | '';
  industrySegment: string;
  category: TalentCategory;
  position: string;
  overseas: boolean;
  joinedDate: string;
  leftDate: string;
  leftReason: string;
  status: TalentStatus;
  tags: string[];
  remarks: string;
  /** Derived (certifications). */
  titleLevel: TitleLevel;
  /** Derived (passed enrollments). */
  skillLevel: SkillLevel;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  /** The import batch that created the record, if any (so a batch can be undone). */
  importBatchId?: string;
}
