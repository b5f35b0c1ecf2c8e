/**
 * 设置 → 数据备份: where automatic backups go and, in the desktop app, changing that folder (through
 * the platform's backup-folder operations: a folder dialog in main, remembered there). Backups live
 * outside the app's profile so deleting the profile does not delete them. The browser shell keeps
 * them in its private storage and says so.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLanguage, useT } from '../../i18n';
import { usePlatform } from '../../platform';

export function BackupSettingsCard() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const platform = usePlatform();
  const [folder, setFolder] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);

  const refresh = useCallback(async () => {
    const where = await platform.backups.folder();
    setFolder(where.ok ? where.value.path : null);
  }, [platform]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const chooseFolder = async () => {
    setChoosing(true);
    try {
      const chosen = await platform.backups.chooseFolder();
      if (!chosen.ok) void message.error(language === 'en' && chosen.error.messageEn ? chosen.error.messageEn : chosen.error.message);
      else if (!chosen.value.canceled) {
        setFolder(chosen.value.path);
        void message.success(t('backup.folderChanged', { path: chosen.value.path }));
      }
    } finally {
      setChoosing(false);
    }
  };

  return (
    <Card title={t('backup.title')} data-testid="settings-backup-card">
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{t('backup.folder')}:</Typography.Text>
          <Typography.Text code data-testid="settings-backup-folder">
            {platform.kind === 'browser' ? t('backup.folderBrowser') : (folder ?? '—')}
          </Typography.Text>
          {platform.kind === 'electron' && (
            <Button size="small" loading={choosing} onClick={() => void chooseFolder()} data-testid="settings-backup-choose">
              {t('backup.chooseFolder')}
            </Button>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('backup.intro')} <Link to="/backup">{t('backup.title')}</Link>
        </Typography.Paragraph>
      </Flex>
    </Card>
  );
}
