/** Shanghai's 16 districts (GB/T 2260) and the retired codes still printed in valid ID numbers. */
import type { CodeOption } from '../fields/fieldTypes';

/** A district option; `value` is the 6-digit GB/T 2260 code stored in `Talent.district`. */
export const shanghaiDistricts: readonly CodeOption[] = [
  { value: '310101', zh: '黄浦区', en: 'Huangpu', synonyms: ['黄浦', '卢湾', '卢湾区', '南市', '南市区'] },
  { value: '310104', zh: '徐汇区', en: 'Xuhui', synonyms: ['徐汇'] },
  { value: '310105', zh: '长宁区', en: 'Changning', synonyms: ['长宁'] },
  { value: '310106', zh: '静安区', en: "Jing'an", synonyms: ['静安', 'Jingan', '闸北', '闸北区'] },
  { value: '310107', zh: '普陀区', en: 'Putuo', synonyms: ['普陀'] },
  { value: '310109', zh: '虹口区', en: 'Hongkou', synonyms: ['虹口'] },
  { value: '310110', zh: '杨浦区', en: 'Yangpu', synonyms: ['杨浦'] },
  { value: '310112', zh: '闵行区', en: 'Minhang', synonyms: ['闵行', '上海县'] },
  { value: '310113', zh: '宝山区', en: 'Baoshan', synonyms: ['宝山', '宝山县', '吴淞区'] },
  { value: '310114', zh: '嘉定区', en: 'Jiading', synonyms: ['嘉定', '嘉定县'] },
  {
    value: '310115',
    zh: '浦东新区',
    en: 'Pudong New Area',
    synonyms: ['浦东', '浦东区', 'Pudong', '南汇', '南汇区', '南汇县', '川沙县', '张江'],
  },
  { value: '310116', zh: '金山区', en: 'Jinshan', synonyms: ['金山', '金山县'] },
  { value: '310117', zh: '松江区', en: 'Songjiang', synonyms: ['松江', '松江县'] },
  { value: '310118', zh: '青浦区', en: 'Qingpu', synonyms: ['青浦', '青浦县'] },
  { value: '310120', zh: '奉贤区', en: 'Fengxian', synonyms: ['奉贤', '奉贤县'] },
  { value: '310151', zh: '崇明区', en: 'Chongming', synonyms: ['崇明', '崇明县'] },
];

/**
 * Retired Shanghai area codes → the current district that absorbed them. The first four are the
 * DOMAIN reference (卢湾 2011, 闸北 2015, 南汇 2009, 崇明县 2016). The older county codes of the
 * 1980s–1990s (上海县 … 青浦县) and 南市/吴淞 follow GB/T 2260 history *(verify against the
 * official revision list before relying on them for statistics)*.
 */
export const retiredShanghaiAreaCodes: ReadonlyMap<string, string> = new Map([
  ['310103', '310101'], // 卢湾区 → 黄浦区
  ['310108', '310106'], // 闸北区 → 静安区
  ['310119', '310115'], // 南汇区 → 浦东新区
  ['310230', '310151'], // 崇明县 → 崇明区
  ['310102', '310101'], // 南市区 → 黄浦区 (2000)
  ['310111', '310113'], // 吴淞区 → 宝山区 (1988)
  ['310221', '310112'], // 上海县 → 闵行区 (1992)
  ['310222', '310114'], // 嘉定县 → 嘉定区
  ['310223', '310113'], // 宝山县 → 宝山区
  ['310224', '310115'], // 川沙县 → 浦东新区
  ['310225', '310115'], // 南汇县 → 南汇区 → 浦东新区
  ['310226', '310120'], // 奉贤县 → 奉贤区
  ['310227', '310117'], // 松江县 → 松江区
  ['310228', '310116'], // 金山县 → 金山区
  ['310229', '310118'], // 青浦县 → 青浦区
]);

const currentDistrictCodes = new Set(shanghaiDistricts.map((district) => district.value));

/**
 * The current Shanghai district code for a 6-digit area code, following retirements; `''` for
 * codes outside Shanghai and for Shanghai's non-district codes (310000, 310100, 310200).
 */
export function currentShanghaiDistrict(areaCode: string): string {
  if (currentDistrictCodes.has(areaCode)) return areaCode;
  return retiredShanghaiAreaCodes.get(areaCode) ?? '';
}

/** Province-level prefixes (first two digits) of GB/T 2260, plus 81/82/83 used by residence permits. */
export const provinceCodes: ReadonlyMap<string, string> = new Map([
  ['11', '北京'], ['12', '天津'], ['13', '河北'], ['14', '山西'], ['15', '内蒙古'],
  ['21', '辽宁'], ['22', '吉林'], ['23', '黑龙江'],
  ['31', '上海'], ['32', '江苏'], ['33', '浙江'], ['34', '安徽'], ['35', '福建'], ['36', '江西'], ['37', '山东'],
  ['41', '河南'], ['42', '湖北'], ['43', '湖南'], ['44', '广东'], ['45', '广西'], ['46', '海南'],
  ['50', '重庆'], ['51', '四川'], ['52', '贵州'], ['53', '云南'], ['54', '西藏'],
  ['61', '陕西'], ['62', '甘肃'], ['63', '青海'], ['64', '宁夏'], ['65', '新疆'],
  ['71', '台湾'], ['81', '香港'], ['82', '澳门'], ['83', '台湾'],
]);
