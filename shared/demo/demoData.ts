/**
 * Word lists for demo data. Firm and institute names are invented (any likeness is accidental) and
 * their credit codes are generated, so demo records can never be mistaken for a real employer's.
 */
import type { Cluster } from '../talent/talent';
import type { IndustrySegment } from '../codes/codeLists';

/** Common surnames roughly in order of frequency, with pinyin for demo e-mail addresses. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'],
  ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'],
  ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'],
  ['韦', 'wei'], ['方', 'fang'], ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'], ['熊', 'xiong'], ['秦', 'qin'], ['邱', 'qiu'],
  ['江', 'jiang'], ['尹', 'yin'], ['薛', 'xue'], ['段', 'duan'], ['雷', 'lei'], ['侯', 'hou'], ['龙', 'long'], ['史', 'shi'],
  ['陶', 'tao'], ['黎', 'li'], ['贺', 'he'], ['顾', 'gu'], ['毛', 'mao'], ['郝', 'hao'], ['龚', 'gong'], ['邵', 'shao'],
  ['万', 'wan'], ['钱', 'qian'], ['严', 'yan'], ['戴', 'dai'], ['孔', 'kong'], ['汤', 'tang'], ['欧阳', 'ouyang'], ['司马', 'sima'],
  ['上官', 'shangguan'], ['诸葛', 'zhuge'],
];

export const MALE_NAME_CHARS = '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';
export const FEMALE_NAME_CHARS = '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵';

/** Area codes outside Shanghai (real GB/T 2260 county-level codes of big cities). */
export const OTHER_AREA_CODES: readonly string[] = [
  '110108', '110105', '120101', '130102', '140105', '150102', '210102', '220102', '230103', '320102', '320106', '320211',
  '320506', '320583', '330106', '330203', '340104', '350203', '360102', '370102', '370212', '410105', '420106', '430104',
  '440106', '440305', '450103', '500103', '510107', '520102', '530102', '610113', '620102',
];

/** Retired Shanghai area codes, still in the IDs of people registered before the mergers. */
export const RETIRED_SHANGHAI_AREA_CODES: readonly string[] = ['310103', '310108', '310119', '310230'];

export interface DemoSchool {
  name: string;
  overseas: boolean;
}

export const SCHOOLS: readonly DemoSchool[] = [
  ...[
    '上海交通大学', '复旦大学', '同济大学', '华东师范大学', '上海大学', '华东理工大学', '东华大学', '上海理工大学', '上海财经大学',
    '上海科技大学', '浙江大学', '南京大学', '清华大学', '北京大学', '中国科学技术大学', '哈尔滨工业大学', '西安交通大学', '武汉大学',
    '华中科技大学', '电子科技大学', '东南大学', '北京航空航天大学', '上海工程技术大学', '上海电机学院', '上海第二工业大学',
    '上海电子信息职业技术学院', '上海信息技术学校',
  ].map((name) => ({ name, overseas: false })),
  ...['卡内基梅隆大学', '斯坦福大学', '新加坡国立大学', '帝国理工学院', '多伦多大学', '慕尼黑工业大学', '东京大学', '香港科技大学'].map((name) => ({ name, overseas: true })),
];

export const MAJORS: readonly string[] = [
  '计算机科学与技术', '软件工程', '人工智能', '电子信息工程', '自动化', '数学与应用数学', '统计学', '控制科学与工程',
  '微电子科学与工程', '集成电路设计与集成系统', '机械工程', '数据科学与大数据技术', '通信工程', '物理学', '信息与计算科学',
];

export type EmployerKind = 'firm' | 'university' | 'institute';

export interface DemoEmployerSpec {
  name: string;
  district: string;
  cluster: Cluster;
  segment: IndustrySegment;
  kind: EmployerKind;
  /** Relative share of the demo talents working there. */
  weight: number;
  /** Domain for demo e-mail addresses (under the reserved `example.com`). */
  mailDomain: string;
}

/** Invented employers; Pudong (Zhangjiang, Lingang) carries the heaviest weight, as in the city plan. */
export const EMPLOYERS: readonly DemoEmployerSpec[] = [
  { name: '上海智芯微电子科技有限公司', district: '310115', cluster: 'zhangjiang', segment: 'chip', kind: 'firm', weight: 9, mailDomain: 'zhixin' },
  { name: '上海张江类脑芯片技术有限公司', district: '310115', cluster: 'zhangjiang', segment: 'chip', kind: 'firm', weight: 6, mailDomain: 'leinao' },
  { name: '上海深瞳视觉智能科技有限公司', district: '310115', cluster: 'zhangjiang', segment: 'software', kind: 'firm', weight: 8, mailDomain: 'shentong' },
  { name: '上海云图大模型科技有限公司', district: '310115', cluster: 'zhangjiang', segment: 'software', kind: 'firm', weight: 8, mailDomain: 'yuntu' },
  { name: '上海灵犀医疗人工智能有限公司', district: '310115', cluster: 'zhangjiang', segment: 'application', kind: 'firm', weight: 5, mailDomain: 'lingxi' },
  { name: '上海感知微传感技术有限公司', district: '310115', cluster: 'zhangjiang', segment: 'sensor', kind: 'firm', weight: 4, mailDomain: 'ganzhi' },
  { name: '上海张江人工智能创新研究院', district: '310115', cluster: 'zhangjiang', segment: 'software', kind: 'institute', weight: 4, mailDomain: 'zjai' },
  { name: '临港智行自动驾驶科技有限公司', district: '310115', cluster: 'lingang', segment: 'autonomousDriving', kind: 'firm', weight: 6, mailDomain: 'zhixing' },
  { name: '上海临港机器人产业发展有限公司', district: '310115', cluster: 'lingang', segment: 'robot', kind: 'firm', weight: 4, mailDomain: 'lgrobot' },
  { name: '上海海湾智能装备有限公司', district: '310115', cluster: 'lingang', segment: 'robot', kind: 'firm', weight: 3, mailDomain: 'haiwan' },
  { name: '上海浦江金融科技有限公司', district: '310115', cluster: 'other', segment: 'application', kind: 'firm', weight: 4, mailDomain: 'pujiangfin' },
  { name: '上海西岸智算科技有限公司', district: '310104', cluster: 'xuhuiBinjiang', segment: 'software', kind: 'firm', weight: 6, mailDomain: 'xian' },
  { name: '上海滨江语音智能有限公司', district: '310104', cluster: 'xuhuiBinjiang', segment: 'software', kind: 'firm', weight: 4, mailDomain: 'binjiang' },
  { name: '上海徐汇智慧教育科技有限公司', district: '310104', cluster: 'xuhuiBinjiang', segment: 'application', kind: 'firm', weight: 3, mailDomain: 'xhedu' },
  { name: '上海人工智能前沿研究院', district: '310104', cluster: 'xuhuiBinjiang', segment: 'software', kind: 'institute', weight: 4, mailDomain: 'frontier' },
  { name: '上海马桥智能终端有限公司', district: '310112', cluster: 'minhangMaqiao', segment: 'terminal', kind: 'firm', weight: 4, mailDomain: 'maqiao' },
  { name: '上海闵行视觉机器人有限公司', district: '310112', cluster: 'minhangMaqiao', segment: 'robot', kind: 'firm', weight: 3, mailDomain: 'mhrobot' },
  { name: '上海紫竹智能制造技术有限公司', district: '310112', cluster: 'other', segment: 'application', kind: 'firm', weight: 3, mailDomain: 'zizhu' },
  { name: '上海东川理工大学', district: '310112', cluster: 'other', segment: 'other', kind: 'university', weight: 3, mailDomain: 'dcut.edu' },
  { name: '上海市北数据智能有限公司', district: '310106', cluster: 'other', segment: 'software', kind: 'firm', weight: 3, mailDomain: 'shibei' },
  { name: '上海长阳创谷智能科技有限公司', district: '310110', cluster: 'other', segment: 'terminal', kind: 'firm', weight: 3, mailDomain: 'changyang' },
  { name: '上海五角场数据科学研究院', district: '310110', cluster: 'other', segment: 'software', kind: 'institute', weight: 2, mailDomain: 'wjcds' },
  { name: '上海江湾大学', district: '310110', cluster: 'other', segment: 'other', kind: 'university', weight: 3, mailDomain: 'jwu.edu' },
  { name: '上海虹桥智谷科技有限公司', district: '310105', cluster: 'other', segment: 'application', kind: 'firm', weight: 2, mailDomain: 'hqzg' },
  { name: '上海嘉定智能网联汽车测试有限公司', district: '310114', cluster: 'other', segment: 'autonomousDriving', kind: 'firm', weight: 3, mailDomain: 'jdicv' },
  { name: '上海松江人工智能算力有限公司', district: '310117', cluster: 'other', segment: 'chip', kind: 'firm', weight: 2, mailDomain: 'sjcompute' },
  { name: '上海宝山智能制造研究院', district: '310113', cluster: 'other', segment: 'application', kind: 'institute', weight: 1, mailDomain: 'bsim' },
  { name: '上海黄浦智慧金融服务有限公司', district: '310101', cluster: 'other', segment: 'application', kind: 'firm', weight: 2, mailDomain: 'hpfin' },
  { name: '上海普陀智能交通科技有限公司', district: '310107', cluster: 'other', segment: 'application', kind: 'firm', weight: 1, mailDomain: 'ptits' },
  { name: '上海虹口数据标注服务有限公司', district: '310109', cluster: 'other', segment: 'software', kind: 'firm', weight: 2, mailDomain: 'hkbz' },
  { name: '上海青浦智能物流有限公司', district: '310118', cluster: 'other', segment: 'robot', kind: 'firm', weight: 1, mailDomain: 'qplog' },
  { name: '上海奉贤智能传感有限公司', district: '310120', cluster: 'other', segment: 'sensor', kind: 'firm', weight: 1, mailDomain: 'fxsensor' },
  { name: '上海金山智能化工科技有限公司', district: '310116', cluster: 'other', segment: 'application', kind: 'firm', weight: 1, mailDomain: 'jschem' },
  { name: '上海崇明生态智能农业有限公司', district: '310151', cluster: 'other', segment: 'application', kind: 'firm', weight: 1, mailDomain: 'cmagri' },
];

export const POSITIONS: Readonly<Record<string, readonly string[]>> = {
  topScientist: ['首席科学家', '研究院院长', '实验室主任'],
  leadingTalent: ['技术总监', '首席技术官', '研究员'],
  algorithmEngineer: ['算法工程师', '高级算法工程师', '机器学习工程师', '计算机视觉工程师', '自然语言处理工程师'],
  aiTrainer: ['数据标注员', '人工智能训练师', '算法测试员', '数据质检员'],
  engineer: ['软件工程师', '芯片设计工程师', '嵌入式工程师', '测试工程师', '系统工程师'],
  industryExpert: ['行业顾问', '解决方案专家', '产品专家'],
  manager: ['项目经理', '产品经理', '部门经理', '总经理'],
  other: ['研究助理', '技术支持', '运营专员'],
};

export const LEAVING_REASONS: readonly string[] = ['调离上海', '离职', '转行', '出国深造', '单位迁出'];
export const CANCEL_REASONS: readonly string[] = ['重复登记', '信息有误', '本人申请注销'];
