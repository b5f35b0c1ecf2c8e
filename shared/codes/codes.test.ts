import { describe, expect, it } from 'vitest';
import type { CodeOption } from '../fields/fieldTypes';
import {
  booleanOptions,
  clusterOptions,
  educationOptions,
  genderOptions,
  idDocumentTypeOptions,
  industrySegmentOptions,
  shanghaiDistricts,
  skillLevelOptions,
  talentCategoryOptions,
  talentStatusOptions,
  titleLevelOptions,
} from './index';
import { codeLabel, currentShanghaiDistrict, matchCode, normalizeCodeText } from './index';

describe('matchCode', () => {
  it('matches value, zh, en and synonyms after NFKC, trim and case folding', () => {
    expect(matchCode(shanghaiDistricts, '310115')?.zh).toBe('浦东新区');
    expect(matchCode(shanghaiDistricts, ' 浦东 ')?.value).toBe('310115');
    expect(matchCode(shanghaiDistricts, '浦东 新区')?.value).toBe('310115');
    expect(matchCode(shanghaiDistricts, 'PUDONG new area')?.value).toBe('310115');
    expect(matchCode(shanghaiDistricts, 'ｐｕｄｏｎｇ')?.value).toBe('310115');
    expect(matchCode(shanghaiDistricts, '黄浦')?.value).toBe('310101');
    expect(matchCode(shanghaiDistricts, 310104)?.zh).toBe('徐汇区');
  });
  it('maps retired district names to the current district', () => {
    expect(matchCode(shanghaiDistricts, '卢湾')?.value).toBe('310101');
    expect(matchCode(shanghaiDistricts, '闸北区')?.value).toBe('310106');
    expect(matchCode(shanghaiDistricts, '南汇')?.value).toBe('310115');
    expect(matchCode(shanghaiDistricts, '崇明县')?.value).toBe('310151');
  });
  it('returns undefined for blanks and unknown text', () => {
    expect(matchCode(shanghaiDistricts, '')).toBeUndefined();
    expect(matchCode(shanghaiDistricts, '   ')).toBeUndefined();
    expect(matchCode(shanghaiDistricts, '杭州')).toBeUndefined();
    expect(matchCode(shanghaiDistricts, '__proto__')).toBeUndefined();
    expect(matchCode(shanghaiDistricts, 'constructor')).toBeUndefined();
  });
  it('prefers values and labels over synonyms of another option', () => {
    const options: CodeOption[] = [
      { value: 'a', zh: '甲', en: 'A', synonyms: ['乙'] },
      { value: 'b', zh: '乙', en: 'B' },
    ];
    expect(matchCode(options, '乙')?.value).toBe('b');
  });
  it('normalises text', () => {
    expect(normalizeCodeText(' Ａ\u3000b\u00a0C ')).toBe('abc');
  });
});

describe('code lists', () => {
  it('reads document type synonyms', () => {
    expect(matchCode(idDocumentTypeOptions, '身份证')?.value).toBe('resident');
    expect(matchCode(idDocumentTypeOptions, '二代身份证')?.value).toBe('resident');
    expect(matchCode(idDocumentTypeOptions, '港澳台居民居住证')?.value).toBe('hkMacauResidence');
    expect(matchCode(idDocumentTypeOptions, '台胞证')?.value).toBe('taiwanPermit');
    expect(matchCode(idDocumentTypeOptions, '回乡证')?.value).toBe('hkMacauPermit');
    expect(matchCode(idDocumentTypeOptions, '港澳通行证')?.value).toBe('hkMacauPermit');
    expect(matchCode(idDocumentTypeOptions, '永居证')?.value).toBe('foreignPermanent');
    expect(matchCode(idDocumentTypeOptions, '护照')?.value).toBe('passport');
  });
  it('reads education, gender, categories, clusters, segments, status', () => {
    expect(matchCode(educationOptions, '大学本科')?.value).toBe('bachelor');
    expect(matchCode(educationOptions, '博士研究生')?.value).toBe('phd');
    expect(matchCode(educationOptions, '研究生')?.value).toBe('master');
    expect(matchCode(educationOptions, '大专')?.value).toBe('associate');
    expect(matchCode(educationOptions, '中专')?.value).toBe('other');
    expect(matchCode(genderOptions, '男')?.value).toBe('M');
    expect(matchCode(genderOptions, 'f')?.value).toBe('F');
    expect(matchCode(talentCategoryOptions, '算法工程师')?.value).toBe('algorithmEngineer');
    expect(matchCode(clusterOptions, '张江')?.value).toBe('zhangjiang');
    expect(matchCode(clusterOptions, '临港')?.value).toBe('lingang');
    expect(matchCode(industrySegmentOptions, '智能软件/框架')?.value).toBe('software');
    expect(matchCode(industrySegmentOptions, '自动驾驶')?.value).toBe('autonomousDriving');
    expect(matchCode(talentStatusOptions, '迁出')?.value).toBe('movedOut');
    expect(matchCode(titleLevelOptions, '副高')?.value).toBe('deputySenior');
  });
  it('reads skill levels by number or worker grade', () => {
    expect(matchCode(skillLevelOptions, '高级技师')?.value).toBe('1');
    expect(matchCode(skillLevelOptions, '技师')?.value).toBe('2');
    expect(matchCode(skillLevelOptions, '三级')?.value).toBe('3');
    expect(matchCode(skillLevelOptions, '中级工')?.value).toBe('4');
    expect(matchCode(skillLevelOptions, 5)?.value).toBe('5');
  });
  it('reads booleans', () => {
    expect(matchCode(booleanOptions, '是')?.value).toBe('true');
    expect(matchCode(booleanOptions, '有')?.value).toBe('true');
    expect(matchCode(booleanOptions, '无')?.value).toBe('false');
    expect(matchCode(booleanOptions, true)?.value).toBe('true');
  });
  it('has 16 districts, no spelling matching two options', () => {
    expect(shanghaiDistricts).toHaveLength(16);
    const lists: readonly (readonly CodeOption[])[] = [
      shanghaiDistricts, genderOptions, educationOptions, idDocumentTypeOptions, talentCategoryOptions, clusterOptions,
      industrySegmentOptions, talentStatusOptions, titleLevelOptions, skillLevelOptions, booleanOptions,
    ];
    for (const list of lists) {
      const seen = new Map<string, string>();
      for (const option of list) {
        for (const text of [option.value, option.zh, option.en, ...(option.synonyms ?? [])]) {
          const key = normalizeCodeText(text);
          const owner = seen.get(key);
          expect(owner === undefined || owner === option.value, `${text} in ${option.value} and ${owner}`).toBe(true);
          seen.set(key, option.value);
        }
      }
    }
  });
  it('labels values', () => {
    expect(codeLabel(shanghaiDistricts, '310104')).toBe('徐汇区');
    expect(codeLabel(shanghaiDistricts, '310104', 'en')).toBe('Xuhui');
    expect(codeLabel(shanghaiDistricts, 'x')).toBe('x');
  });
  it('follows retired area codes', () => {
    expect(currentShanghaiDistrict('310103')).toBe('310101');
    expect(currentShanghaiDistrict('310108')).toBe('310106');
    expect(currentShanghaiDistrict('310119')).toBe('310115');
    expect(currentShanghaiDistrict('310230')).toBe('310151');
    expect(currentShanghaiDistrict('310115')).toBe('310115');
    expect(currentShanghaiDistrict('320102')).toBe('');
  });
});
