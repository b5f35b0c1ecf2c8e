/**
 * Typed access to the settings table. Values are checked on read (a restored backup or an old version
 * may hold something else; then the default applies) and on write. Every change is audited.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { auditedTransaction, writeAudit } from './audit';
import type { TalentLedgerDB } from './db';
import { DEFAULT_CERTIFICATE_NUMBER_FORMAT } from '../../shared/certification/certificate';
import { DEFAULT_PASS_FRACTION } from '../../shared/certification/committee';
import { DEFAULT_TITLE_RULES } from '../../shared/certification/eligibility';
import { DEFAULT_REPORT_TARGETS } from '../../shared/report/model';
import type { MaskPattern, SettingKey, SettingRecord, SettingValues } from './types';

const maskKeep = z.number().int().min(0).max(18);

const yearsRequirementSchema = z
  .object({ after: z.enum(['graduation', 'junior', 'intermediate', 'deputySenior', 'senior']), years: z.number().int().min(0).max(30) })
  .nullable();
const byEducationSchema = z.object({ phd: yearsRequirementSchema, master: yearsRequirementSchema, bachelor: yearsRequirementSchema, associate: yearsRequirementSchema });
const titleRuleTableSchema = z.object({
  yearsByEducation: z.object({ junior: byEducationSchema, intermediate: byEducationSchema, deputySenior: byEducationSchema, senior: byEducationSchema }),
  continuingEducationHours: z.number().min(0).max(1000),
  professionalSharePercent: z.number().min(0).max(100),
  continuingEducationYears: z.number().int().min(0).max(10),
  residenceRequired: z.boolean(),
  socialInsuranceMonths: z.number().int().min(0).max(24),
  recommendersRequired: z.number().int().min(0).max(10),
});

const settingSchemas: { [K in SettingKey]: z.ZodType<SettingValues[K]> } = {
  operatorName: z.string().trim().min(1).max(50),
  role: z.enum(['bureau', 'base']),
  language: z.enum(['zh-CN', 'en']),
  maskPattern: z.object({
    idNumberKeepStart: maskKeep,
    idNumberKeepEnd: maskKeep,
    phoneKeepStart: maskKeep,
    phoneKeepEnd: maskKeep,
  }),
  listColumns: z.record(z.string(), z.array(z.string())),
  titleRules: titleRuleTableSchema,
  publicityWorkingDays: z.number().int().min(1).max(30),
  publicityStartCounts: z.boolean(),
  committeePassFraction: z
    .object({ numerator: z.number().int().min(1).max(99), denominator: z.number().int().min(1).max(100) })
    .refine((fraction) => fraction.numerator < fraction.denominator, 'numerator must be below denominator'),
  certificateNumberFormat: z.string().trim().min(1).max(60).regex(/\{seq(?::\d)?\}/u),
  reportTargets: z.object({ talents: z.number().int().min(0).max(10_000_000), bases: z.number().int().min(0).max(10_000), seniorTitles: z.number().int().min(0).max(1_000_000) }),
  reportUnit: z.string().trim().max(100),
  auditRetentionYears: z.number().int().min(0).max(100),
};

/** PIPL-minded default: 310101********123X and 138****5678. */
export const DEFAULT_MASK_PATTERN: MaskPattern = { idNumberKeepStart: 6, idNumberKeepEnd: 4, phoneKeepStart: 3, phoneKeepEnd: 4 };

/** Values used when a setting is absent. `operatorName` has none: its absence means "first run". */
export const SETTING_DEFAULTS: Omit<SettingValues, 'operatorName'> = {
  role: 'bureau',
  language: 'zh-CN',
  maskPattern: DEFAULT_MASK_PATTERN,
  listColumns: {},
  titleRules: DEFAULT_TITLE_RULES,
  publicityWorkingDays: 5,
  publicityStartCounts: true,
  committeePassFraction: DEFAULT_PASS_FRACTION,
  certificateNumberFormat: DEFAULT_CERTIFICATE_NUMBER_FORMAT,
  reportTargets: DEFAULT_REPORT_TARGETS,
  reportUnit: '',
  auditRetentionYears: 0,
};

/** All settings as stored (invalid values dropped), without defaults. */
export type StoredSettings = Partial<SettingValues>;

/** Settings with defaults applied; `operatorName` undefined means first run is not done. */
export type EffectiveSettings = Omit<SettingValues, 'operatorName'> & { operatorName: string | undefined };

function parseSetting<K extends SettingKey>(key: K, value: unknown): SettingValues[K] | undefined {
  const parsed = settingSchemas[key].safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingSchemas, key);
}

/** One setting as stored, or undefined when absent or invalid. */
export async function getSetting<K extends SettingKey>(db: TalentLedgerDB, key: K): Promise<SettingValues[K] | undefined> {
  const record = await db.settings.get(key);
  return record === undefined ? undefined : parseSetting(key, record.value);
}

/** Every valid stored setting. */
export async function readStoredSettings(db: TalentLedgerDB): Promise<StoredSettings> {
  const stored: Record<string, unknown> = {};
  for (const record of await db.settings.toArray()) {
    if (!isSettingKey(record.key)) continue;
    const value = parseSetting(record.key, record.value);
    if (value !== undefined) stored[record.key] = value;
  }
  return stored as StoredSettings;
}

/** Stored settings with defaults applied. */
export function withDefaults(stored: StoredSettings): EffectiveSettings {
  return { ...SETTING_DEFAULTS, ...stored, operatorName: stored.operatorName };
}

/** Every setting with defaults applied. */
export async function readSettings(db: TalentLedgerDB): Promise<EffectiveSettings> {
  return withDefaults(await readStoredSettings(db));
}

/**
 * Validates and stores several settings in one transaction with one audit entry listing each
 * changed value. Unchanged values write nothing. `note` goes into the audit entry.
 */
export async function setSettings(
  db: TalentLedgerDB,
  values: Partial<SettingValues>,
  note = '',
): Promise<Result<{ changed: SettingKey[] }>> {
  const records: SettingRecord[] = [];
  for (const key of Object.keys(values)) {
    if (!isSettingKey(key)) return err({ code: 'SETTING_UNKNOWN', message: `未知的设置项：${key}`, messageEn: `Unknown setting: ${key}` });
    const value = parseSetting(key, values[key]);
    if (value === undefined) {
      return err({ code: 'SETTING_INVALID', message: `设置项“${key}”的值无效`, messageEn: `Invalid value for setting "${key}"` });
    }
    records.push({ key, value } as SettingRecord);
  }
  const changed = await auditedTransaction(db, ['settings'], async () => {
    const changes = [];
    for (const record of records) {
      const before = await db.settings.get(record.key);
      if (before !== undefined && JSON.stringify(before.value) === JSON.stringify(record.value)) continue;
      changes.push({ field: record.key, before: before?.value, after: record.value });
      await db.settings.put(record);
    }
    if (changes.length > 0) {
      // The first-run form sets the operator in this very transaction; record the new name.
      const operatorChange = records.find((record) => record.key === 'operatorName');
      await writeAudit(db, {
        action: 'settings',
        entity: 'settings',
        changes,
        note,
        ...(operatorChange ? { operator: String(operatorChange.value) } : {}),
      });
    }
    return changes.map((change) => change.field as SettingKey);
  });
  return ok({ changed });
}

/** Validates and stores one setting (audited). */
export function setSetting<K extends SettingKey>(
  db: TalentLedgerDB,
  key: K,
  value: SettingValues[K],
  note = '',
): Promise<Result<{ changed: SettingKey[] }>> {
  return setSettings(db, { [key]: value } as Partial<SettingValues>, note);
}

/**
 * Mirrors the UI language into the settings table without an audit entry: it is a display
 * preference, not data (the LanguageProvider keeps the live choice in localStorage).
 */
export async function rememberLanguage(db: TalentLedgerDB, language: SettingValues['language']): Promise<void> {
  const value = parseSetting('language', language);
  if (value !== undefined) await db.settings.put({ key: 'language', value });
}
