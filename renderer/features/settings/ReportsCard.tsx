/** 设置 → 统计报表: 填报单位 and the programme targets the report and the 工作台 measure against (audited). */
import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber } from 'antd';
import { DEFAULT_REPORT_TARGETS, type ReportTargets } from '../../../shared/report/model';
import { getDatabase, setSettings, useSettings } from '../../db';
import { useLanguage, useT } from '../../i18n';

export function ReportsCard() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const settings = useSettings();
  const storedTargets = settings?.reportTargets ?? DEFAULT_REPORT_TARGETS;
  const storedUnit = settings?.reportUnit ?? '';
  const [targets, setTargets] = useState<ReportTargets>(storedTargets);
  const [unit, setUnit] = useState(storedUnit);
  const storedKey = JSON.stringify([storedTargets, storedUnit]);
  useEffect(() => {
    const [nextTargets, nextUnit] = JSON.parse(storedKey) as [ReportTargets, string];
    setTargets(nextTargets);
    setUnit(nextUnit);
  }, [storedKey]);
  if (!settings) return null;

  async function save() {
    const result = await setSettings(getDatabase(), { reportTargets: targets, reportUnit: unit.trim() }, '修改统计报表设置');
    if (!result.ok) message.error(language === 'en' ? (result.error.messageEn ?? result.error.message) : result.error.message);
    else if (result.value.changed.length === 0) message.info(t('reports.settingsCard.unchanged'));
    else message.success(t('reports.settingsCard.saved'));
  }

  const target = (key: keyof ReportTargets, label: string) => (
    <Form.Item label={label}>
      <InputNumber aria-label={label} min={0} precision={0} style={{ width: 160 }} value={targets[key]} onChange={(value) => setTargets((current) => ({ ...current, [key]: typeof value === 'number' ? value : 0 }))} />
    </Form.Item>
  );

  return (
    <Card title={t('reports.settingsCard.title')} data-testid="report-settings">
      <Form layout="vertical">
        <Form.Item label={t('reports.settingsCard.unit')} extra={t('reports.settingsCard.unitHint')}>
          <Input aria-label={t('reports.settingsCard.unit')} maxLength={100} value={unit} onChange={(event) => setUnit(event.target.value)} />
        </Form.Item>
        <Flex gap={16} wrap>
          {target('talents', t('reports.settingsCard.talents'))}
          {target('bases', t('reports.settingsCard.bases'))}
          {target('seniorTitles', t('reports.settingsCard.seniorTitles'))}
        </Flex>
        <Button type="primary" onClick={() => void save()}>
          {t('reports.settingsCard.save')}
        </Button>
      </Form>
    </Card>
  );
}
