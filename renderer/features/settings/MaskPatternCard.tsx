/**
 * 设置 → 脱敏规则: how many characters of ID numbers and phones stay visible on screen and in
 * masked exports. The preview masks sample numbers with the very function the list uses, and the
 * save goes through setSettings (audited, with the old and new pattern).
 */
import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, InputNumber, Space, Typography } from 'antd';
import { maskIdNumber, maskPhone } from '../../../shared/identity/mask';
import { DEFAULT_MASK_PATTERN, getDatabase, setSetting, useSettings, type MaskPattern } from '../../db';
import { useLanguage, useT } from '../../i18n';

/** Sample numbers for the preview (a valid Shanghai ID and a mobile number; nobody's real data). */
const SAMPLE_ID = '31010119900307123X';
const SAMPLE_PHONE = '13812345678';
const MAX_ID_KEEP = 9;
const MAX_PHONE_KEEP = 5;

function samePattern(a: MaskPattern, b: MaskPattern): boolean {
  return a.idNumberKeepStart === b.idNumberKeepStart && a.idNumberKeepEnd === b.idNumberKeepEnd && a.phoneKeepStart === b.phoneKeepStart && a.phoneKeepEnd === b.phoneKeepEnd;
}

/** The mask pattern editor with a live preview; the change is written to the audit log. */
export function MaskPatternCard() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const settings = useSettings();
  const stored = settings?.maskPattern ?? DEFAULT_MASK_PATTERN;
  const [draft, setDraft] = useState<MaskPattern>(stored);
  const [saving, setSaving] = useState(false);

  // A restore or another window may change the stored pattern: follow it unless the clerk is editing.
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    setDraft(JSON.parse(storedKey) as MaskPattern);
  }, [storedKey]);

  if (!settings) return null;

  const number = (key: keyof MaskPattern, max: number) => (
    <InputNumber
      min={0}
      max={max}
      precision={0}
      value={draft[key]}
      aria-label={`${key.startsWith('phone') ? t('talents.maskSettings.phone') : t('talents.maskSettings.idNumber')} ${key.endsWith('Start') ? t('talents.maskSettings.keepStart') : t('talents.maskSettings.keepEnd')}`}
      data-testid={`mask-${key}`}
      onChange={(value) => setDraft((current) => ({ ...current, [key]: typeof value === 'number' ? value : 0 }))}
      style={{ width: 72 }}
    />
  );

  async function save() {
    if (samePattern(draft, stored)) {
      message.info(t('talents.maskSettings.unchanged'));
      return;
    }
    setSaving(true);
    try {
      const result = await setSetting(getDatabase(), 'maskPattern', draft, '修改脱敏规则');
      if (result.ok) message.success(t('talents.maskSettings.saved'));
      else message.error(language === 'en' ? (result.error.messageEn ?? result.error.message) : result.error.message);
    } finally {
      setSaving(false);
    }
  }

  const row = (label: string, start: keyof MaskPattern, end: keyof MaskPattern, max: number, preview: string, testId: string) => (
    <Flex gap={12} align="center" wrap>
      <Typography.Text style={{ width: 72 }}>{label}</Typography.Text>
      <Space size={4}>
        {t('talents.maskSettings.keepStart')}
        {number(start, max)}
        {t('talents.maskSettings.digits')}
      </Space>
      <Space size={4}>
        {t('talents.maskSettings.keepEnd')}
        {number(end, max)}
        {t('talents.maskSettings.digits')}
      </Space>
      <Typography.Text type="secondary">{t('talents.maskSettings.preview')}</Typography.Text>
      <Typography.Text code data-testid={testId}>
        {preview}
      </Typography.Text>
    </Flex>
  );

  return (
    <Card title={t('talents.maskSettings.title')} data-testid="mask-pattern-card">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('talents.maskSettings.intro')}
        </Typography.Paragraph>
        {row(
          t('talents.maskSettings.idNumber'),
          'idNumberKeepStart',
          'idNumberKeepEnd',
          MAX_ID_KEEP,
          maskIdNumber(SAMPLE_ID, { keepStart: draft.idNumberKeepStart, keepEnd: draft.idNumberKeepEnd }),
          'mask-preview-id',
        )}
        {row(
          t('talents.maskSettings.phone'),
          'phoneKeepStart',
          'phoneKeepEnd',
          MAX_PHONE_KEEP,
          maskPhone(SAMPLE_PHONE, { keepStart: draft.phoneKeepStart, keepEnd: draft.phoneKeepEnd }),
          'mask-preview-phone',
        )}
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="mask-save">
            {t('talents.maskSettings.save')}
          </Button>
          <Button onClick={() => setDraft(DEFAULT_MASK_PATTERN)}>{t('talents.maskSettings.reset')}</Button>
        </Space>
      </Flex>
    </Card>
  );
}
