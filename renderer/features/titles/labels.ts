/** Domain labels in the UI language (the shared tables carry zh and en). */
import { codeLabel } from '../../../shared/codes';
import { applicationRouteOptions, applicationStatusLabels, appliedLevelOptions, eligibilityRuleLabels, materialOptions, type ApplicationStatus, type EligibilityRuleKey } from '../../../shared/certification';
import type { TitleLevel } from '../../../shared/talent/talent';
import type { Language } from '../../i18n';

/** zh or en of a `{ zh, en }` label. */
export function pick(label: { zh: string; en: string }, language: Language): string {
  return language === 'en' ? label.en : label.zh;
}

export function statusLabel(status: ApplicationStatus, language: Language): string {
  return pick(applicationStatusLabels[status], language);
}

export function levelLabel(level: TitleLevel, language: Language): string {
  if (level === 'none') return language === 'en' ? 'None' : '无';
  return codeLabel(appliedLevelOptions, level, language === 'en' ? 'en' : 'zh');
}

export function routeLabel(route: string, language: Language): string {
  return codeLabel(applicationRouteOptions, route, language === 'en' ? 'en' : 'zh');
}

export function ruleLabel(rule: EligibilityRuleKey, language: Language): string {
  return pick(eligibilityRuleLabels[rule], language);
}

export function materialLabel(key: string, language: Language): string {
  return codeLabel(materialOptions, key, language === 'en' ? 'en' : 'zh');
}

/** Tag colour of a state: done green, refused red, waiting on the clerk orange, else blue. */
export function statusColor(status: ApplicationStatus): string {
  if (status === 'certified' || status === 'publicityClear' || status === 'reviewPassed') return 'green';
  if (status === 'reviewFailed' || status === 'withdrawn') return 'default';
  if (status === 'returned' || status === 'publicityObjection' || status === 'recheck') return 'red';
  if (status === 'publicity') return 'orange';
  if (status === 'draft') return 'default';
  return 'blue';
}
