/** 设置: operator and organisation type, language, local storage durability and usage, app information. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Form, Typography } from 'antd';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { OperatorFields, type OperatorFormValues } from '../../components/OperatorFields';
import { formatBytes, getDatabase, readStorageStatus, requestPersistentStorage, setSettings, useSettings, type StorageStatus } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { usePlatform, type AppInfo } from '../../platform';
import { BackupSettingsCard } from './BackupSettingsCard';
import { DemoDataCard } from './DemoDataCard';
import { MaskPatternCard } from './MaskPatternCard';
import { TitleRulesCard } from './TitleRulesCard';
import { ReportsCard } from './ReportsCard';

/** Share as a percentage; tiny shares read `<0.1` rather than a misleading `0.0`. */
function formatPercent(share: number): string {
  const percent = share * 100;
  return percent > 0 && percent < 0.1 ? '<0.1' : percent.toFixed(1);
}

function OperatorCard() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const settings = useSettings();
  const [saving, setSaving] = useState(false);
  if (!settings) return null;

  async function save(values: OperatorFormValues) {
    setSaving(true);
    try {
      const result = await setSettings(getDatabase(), { operatorName: values.operatorName, role: values.role });
      if (result.ok) message.success(t('settings.savedOperator'));
      else message.error(language === 'en' ? (result.error.messageEn ?? result.error.message) : result.error.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('settings.operatorSection')} data-testid="operator-card">
      <Form<OperatorFormValues>
        layout="vertical"
        style={{ maxWidth: 420 }}
        initialValues={{ operatorName: settings.operatorName ?? '', role: settings.role }}
        onFinish={(values) => void save(values)}
      >
        <OperatorFields />
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

function StorageCard() {
  const t = useT();
  const [status, setStatus] = useState<StorageStatus | null>(null);

  const refresh = useCallback(async () => setStatus(await readStorageStatus()), []);
  useEffect(() => {
    let active = true;
    void readStorageStatus().then((next) => {
      if (active) setStatus(next);
    });
    return () => {
      active = false;
    };
  }, []);

  const persistedText =
    status?.persisted === true ? t('settings.persistedYes') : status?.persisted === false ? t('settings.persistedNo') : t('settings.persistedUnknown');
  const usageText =
    status && status.usage !== null && status.quota !== null && status.quota > 0
      ? t('settings.usageOfQuota', {
          usage: formatBytes(status.usage),
          quota: formatBytes(status.quota),
          percent: formatPercent(status.usage / status.quota),
        })
      : t('settings.persistedUnknown');

  return (
    <Card title={t('settings.storageSection')}>
      <Descriptions column={1} size="small" data-testid="storage-status">
        <Descriptions.Item label={t('settings.persisted')}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type={status?.persisted === false ? 'warning' : undefined}>{persistedText}</Typography.Text>
            {status?.persisted === false && (
              <Button
                size="small"
                onClick={() => {
                  void requestPersistentStorage().then(refresh);
                }}
              >
                {t('settings.requestPersist')}
              </Button>
            )}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={`${t('settings.usage')} / ${t('settings.quota')}`}>{usageText}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function AboutCard() {
  const t = useT();
  const platform = usePlatform();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let active = true;
    void platform.appInfo().then((result) => {
      if (active && result.ok) setInfo(result.value);
    });
    return () => {
      active = false;
    };
  }, [platform]);

  const runtime =
    platform.kind === 'electron'
      ? `${t('settings.runtimeElectron')} (Electron ${info?.electron ?? ''}, Chromium ${info?.chrome ?? ''})`
      : `${t('settings.runtimeBrowser')}${info?.chrome ? ` (Chromium ${info.chrome})` : ''}`;

  return (
    <Card title={t('settings.aboutSection')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('settings.version')}>{info?.version ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('settings.runtime')}>{runtime}</Descriptions.Item>
        <Descriptions.Item label={t('settings.backupFolder')}>{info?.backupFolder ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function SettingsPage() {
  const t = useT();
  return (
    <Flex vertical gap={16} data-testid="settings-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('sections.settings.title')}
      </Typography.Title>
      <OperatorCard />
      <Card title={t('settings.languageSection')}>
        <LanguageSwitch />
      </Card>
      <MaskPatternCard />
      <DemoDataCard />
      <TitleRulesCard />
      <ReportsCard />
      <StorageCard />
      <BackupSettingsCard />
      <AboutCard />
    </Flex>
  );
}
