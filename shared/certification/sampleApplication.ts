/** A complete, eligible application for tests, demo data and the bench; override what a case needs. */
import { blankApplicationFields, type ApplicantSnapshot, type ApplicationData } from './application';

/** 2026 application for 高级工程师 by a master's graduate who became 工程师 on 2021-06-30. */
export function sampleApplication(overrides: Partial<ApplicationData> = {}, snapshot: Partial<ApplicantSnapshot> = {}): ApplicationData {
  return {
    ...blankApplicationFields(),
    talentId: 'talent-1',
    year: 2026,
    batch: '2026年第一批',
    reviewBatchId: '',
    series: 'engineering',
    specialty: 'ai',
    subSpecialty: 'ml',
    level: 'deputySenior',
    route: 'regular',
    status: 'submitted',
    snapshot: {
      name: '李明',
      gender: 'M',
      idNumber: '310101198805121234',
      birthDate: '1988-05-12',
      employer: '上海智元科技有限公司',
      employerCreditCode: '91310115MA1K4ABCDX',
      education: 'master',
      degree: '工学硕士',
      school: '上海交通大学',
      major: '计算机科学与技术',
      graduationDate: '2013-07',
      currentTitle: 'intermediate',
      currentTitleObtainedOn: '2021-06-30',
      skillLevel: 0,
      skillLevelObtainedOn: '',
      residence: 'hukou',
      socialInsuranceMonths: null,
      ...snapshot,
    },
    continuingEducation: [
      { year: 2023, totalHours: 96, professionalHours: 64 },
      { year: 2024, totalHours: 90, professionalHours: 60 },
      { year: 2025, totalHours: 102, professionalHours: 72 },
    ],
    annualAssessments: [
      { year: 2023, result: 'competent' },
      { year: 2024, result: 'excellent' },
      { year: 2025, result: 'competent' },
    ],
    achievements: { papers: 3, patents: 2, projects: 4, awards: 1, text: '主持大模型推理优化项目，获授权发明专利 2 项。' },
    ...overrides,
  };
}
