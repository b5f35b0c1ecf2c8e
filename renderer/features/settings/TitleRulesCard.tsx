/**
 * 设置 → 职称评审规则: the eligibility rule table (years by education), continuing education,
 * residence, recommenders, 公示 working days, the committee pass fraction, the junior certificate
 * number format, and the holiday calendars (import a year as JSON). Saved through setSettings (audited).
 */
import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Flex, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { codeLabel } from '../../../shared/codes';
import { APPLIED_LEVELS, appliedLevelOptions, DEFAULT_CERTIFICATE_NUMBER_FORMAT, DEFAULT_PASS_FRACTION, DEFAULT_TITLE_RULES, type AppliedLevel, type RuleEducation, type TitleRuleTable, type YearsRequirement } from '../../../shared/certification';
import { parseHolidayCalendarJson } from '../../../shared/dates/workingDays';
import { loadHolidayCalendars, saveHolidayCalendar } from '../../data/applications';
import { getDatabase, setSettings, useSettings, type SettingValues } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { usePlatform } from '../../platform';

type TitleSettings = Pick<SettingValues, 'titleRules' | 'publicityWorkingDays' | 'publicityStartCounts' | 'committeePassFraction' | 'certificateNumberFormat'>;

const EDUCATIONS: readonly RuleEducation[] = ['phd', 'master', 'bachelor', 'associate'];
const EDUCATION_LABELS: Record<RuleEducation, { zh: string; en: string }> = {
  phd: { zh: '博士', en: 'PhD' },
  master: { zh: '硕士', en: 'Master' },
  bachelor: { zh: '本科', en: 'Bachelor' },
  associate: { zh: '专科', en: 'Associate' },
};

/** The title rules editor. */
export function TitleRulesCard() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const platform = usePlatform();
  const settings = useSettings();
  const calendars = useLiveQuery(() => loadHolidayCalendars(), []);
  const [draft, setDraft] = useState<TitleSettings | null>(null);
  const [calendarYear, setCalendarYear] = useState(new Date().getFullYear() + 1);

  const storedKey = settings ? JSON.stringify([settings.titleRules, settings.publicityWorkingDays, settings.publicityStartCounts, settings.committeePassFraction, settings.certificateNumberFormat]) : '';
  useEffect(() => {
    if (!settings) return;
    setDraft({
      titleRules: settings.titleRules,
      publicityWorkingDays: settings.publicityWorkingDays,
      publicityStartCounts: settings.publicityStartCounts,
      committeePassFraction: settings.committeePassFraction,
      certificateNumberFormat: settings.certificateNumberFormat,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedKey]);

  if (!draft) return null;
  const rules = draft.titleRules;
  const setRules = (next: Partial<TitleRuleTable>) => setDraft({ ...draft, titleRules: { ...rules, ...next } });
  const setRequirement = (level: AppliedLevel, education: RuleEducation, requirement: YearsRequirement | null) =>
    setRules({ yearsByEducation: { ...rules.yearsByEducation, [level]: { ...rules.yearsByEducation[level], [education]: requirement } } });

  async function save() {
    if (!draft) return;
    const result = await setSettings(getDatabase(), draft, '修改职称评审规则');
    if (result.ok) void message.success(t('titles.rules.saved'));
    else void message.error(result.error.message);
  }

  async function importCalendar() {
    const opened = await platform.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }] });
    if (!opened.ok) return void message.error(opened.error.message);
    if (opened.value.canceled) return;
    const parsed = parseHolidayCalendarJson(calendarYear, new TextDecoder().decode(opened.value.bytes));
    if (!parsed.ok) return void message.error(parsed.error.message);
    const saved = await saveHolidayCalendar(parsed.value, 'imported');
    if (saved.ok) void message.success(t('titles.rules.calendarImported', { year: calendarYear }));
    else void message.error(saved.error.message);
  }

  const afterOptions = [
    { value: 'none', label: t('titles.rules.notEligible') },
    { value: 'graduation', label: t('titles.rules.afterGraduation') },
    ...APPLIED_LEVELS.map((level) => ({ value: level, label: codeLabel(appliedLevelOptions, level, language === 'en' ? 'en' : 'zh') })),
  ];

  return (
    <Card title={t('titles.rules.title')} data-testid="title-rules">
      <Flex vertical gap={12}>
        <Typography.Text strong>{t('titles.rules.yearsTable')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey={(level) => level}
          dataSource={[...APPLIED_LEVELS]}
          columns={[
            { title: t('titles.rules.target'), key: 'level', render: (_value, level: AppliedLevel) => codeLabel(appliedLevelOptions, level, language === 'en' ? 'en' : 'zh') },
            ...EDUCATIONS.map((education) => ({
              title: language === 'en' ? EDUCATION_LABELS[education].en : EDUCATION_LABELS[education].zh,
              key: education,
              render: (_value: unknown, level: AppliedLevel) => {
                const requirement = rules.yearsByEducation[level][education];
                return (
                  <Space.Compact>
                    <Select
                      size="small"
                      style={{ width: 110 }}
                      value={requirement?.after ?? 'none'}
                      options={afterOptions}
                      onChange={(after: string) => setRequirement(level, education, after === 'none' ? null : { after: after as YearsRequirement['after'], years: requirement?.years ?? 0 })}
                    />
                    <InputNumber size="small" style={{ width: 56 }} min={0} max={30} disabled={requirement === null} value={requirement?.years ?? 0} onChange={(years) => requirement && setRequirement(level, education, { ...requirement, years: years ?? 0 })} />
                  </Space.Compact>
                );
              },
            })),
          ]}
        />
        <Flex wrap gap={16}>
          <Space>
            {t('titles.rules.hours')}
            <InputNumber min={0} max={1000} value={rules.continuingEducationHours} onChange={(value) => setRules({ continuingEducationHours: value ?? 0 })} />
          </Space>
          <Space>
            {t('titles.rules.share')}
            <InputNumber min={0} max={100} step={0.01} value={rules.professionalSharePercent} onChange={(value) => setRules({ professionalSharePercent: value ?? 0 })} />
          </Space>
          <Space>
            {t('titles.rules.years')}
            <InputNumber min={0} max={10} value={rules.continuingEducationYears} onChange={(value) => setRules({ continuingEducationYears: value ?? 0 })} />
          </Space>
          <Checkbox checked={rules.residenceRequired} onChange={(event) => setRules({ residenceRequired: event.target.checked })}>
            {t('titles.rules.residence')}
          </Checkbox>
          <Space>
            {t('titles.rules.socialMonths')}
            <InputNumber min={0} max={24} value={rules.socialInsuranceMonths} onChange={(value) => setRules({ socialInsuranceMonths: value ?? 0 })} />
          </Space>
          <Space>
            {t('titles.rules.recommenders')}
            <InputNumber min={0} max={10} value={rules.recommendersRequired} onChange={(value) => setRules({ recommendersRequired: value ?? 0 })} />
          </Space>
        </Flex>
        <Flex wrap gap={16}>
          <Space>
            {t('titles.rules.publicityDays')}
            <InputNumber min={1} max={30} value={draft.publicityWorkingDays} onChange={(value) => setDraft({ ...draft, publicityWorkingDays: value ?? 5 })} data-testid="publicity-days" />
          </Space>
          <Checkbox checked={draft.publicityStartCounts} onChange={(event) => setDraft({ ...draft, publicityStartCounts: event.target.checked })}>
            {t('titles.rules.startCounts')}
          </Checkbox>
          <Space>
            {t('titles.rules.passFraction')}
            <InputNumber min={1} max={99} value={draft.committeePassFraction.numerator} onChange={(value) => setDraft({ ...draft, committeePassFraction: { ...draft.committeePassFraction, numerator: value ?? 2 } })} />
            /
            <InputNumber min={2} max={100} value={draft.committeePassFraction.denominator} onChange={(value) => setDraft({ ...draft, committeePassFraction: { ...draft.committeePassFraction, denominator: value ?? 3 } })} />
          </Space>
        </Flex>
        <Space>
          {t('titles.rules.numberFormat')}
          <Input style={{ width: 240 }} value={draft.certificateNumberFormat} onChange={(event) => setDraft({ ...draft, certificateNumberFormat: event.target.value })} />
        </Space>
        <Flex gap={8}>
          <Button type="primary" onClick={() => void save()}>
            {t('titles.rules.save')}
          </Button>
          <Button
            onClick={() =>
              setDraft({ titleRules: DEFAULT_TITLE_RULES, publicityWorkingDays: 5, publicityStartCounts: true, committeePassFraction: DEFAULT_PASS_FRACTION, certificateNumberFormat: DEFAULT_CERTIFICATE_NUMBER_FORMAT })
            }
          >
            {t('titles.rules.reset')}
          </Button>
        </Flex>
        <Typography.Text strong>{t('titles.rules.calendars')}</Typography.Text>
        <Typography.Text type="secondary">{t('titles.rules.calendarYears', { years: (calendars ?? []).map((calendar) => `${calendar.year}${calendar.source === 'builtin' ? '' : '*'}`).join('、') })}</Typography.Text>
        <Space>
          {t('titles.rules.calendarYear')}
          <InputNumber min={2000} max={2100} value={calendarYear} onChange={(value) => setCalendarYear(value ?? calendarYear)} />
          <Button onClick={() => void importCalendar()}>{t('titles.rules.importCalendar')}</Button>
        </Space>
      </Flex>
    </Card>
  );
}
