/**
 * What the start-up checks found, said once on start: an import the app was closed during (all of it
 * is in the database, or none), a schema upgrade with its backup, and — most important — an empty
 * database while backups exist (a lost profile, a changed origin), with the newest backup offered.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Alert, App, Button, Flex, Modal, Progress, Typography } from 'antd';
import { formatDateTime } from '../../components/format';
import { dismissStartupNotice, getStartupReport, restoreNamedBackup, subscribeStartupReport } from '../../data/backups';
import { useLanguage, useT } from '../../i18n';
import { scheduleDailyBackup } from './dailyBackup';
import { reasonLabel } from './labels';

/** The daily backup's corner indicator: small, bottom right, never in the way; gone when done. */
function DailyBackupIndicator({ done, total }: { done: number; total: number }) {
  const t = useT();
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <Flex
      align="center"
      gap={8}
      role="status"
      data-testid="daily-backup-progress"
      style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 1000, padding: '4px 12px', borderRadius: 16, background: 'rgba(255,255,255,0.92)', boxShadow: '0 1px 4px rgba(0,0,0,0.15)', pointerEvents: 'none' }}
    >
      <Progress type="circle" percent={percent} size={20} showInfo={false} />
      <Typography.Text type="secondary">{t('backup.startup.dailyRunning', { percent })}</Typography.Text>
    </Flex>
  );
}

/** Renders nothing unless the start-up checks found something to say. */
export function StartupNotice() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const report = useSyncExternalStore(subscribeStartupReport, getStartupReport);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The daily backup waits for the first screen and an idle moment, then encodes in a worker.
  useEffect(() => scheduleDailyBackup(), []);
  const daily = report.daily;
  useEffect(() => {
    if (daily?.error) void message.warning(t('backup.startup.dailyFailed', { message: language === 'en' && daily.error.messageEn ? daily.error.messageEn : daily.error.message }));
  }, [daily?.error, language, message, t]);

  const empty = report.emptyWithBackups;
  const notices: Array<{ key: 'interruptedImport' | 'upgrade'; type: 'success' | 'warning' | 'info' | 'error'; text: string }> = [];
  if (report.interruptedImport) {
    const { fileName, complete } = report.interruptedImport;
    notices.push({ key: 'interruptedImport', type: complete ? 'success' : 'warning', text: complete ? t('backup.startup.importComplete', { file: fileName }) : t('backup.startup.importNone', { file: fileName }) });
  }
  if (report.upgrade) {
    const { fromVersion, toVersion, backupName, error: upgradeError } = report.upgrade;
    notices.push(
      upgradeError
        ? { key: 'upgrade', type: 'error', text: t('backup.startup.upgradeBackupFailed', { message: language === 'en' && upgradeError.messageEn ? upgradeError.messageEn : upgradeError.message }) }
        : { key: 'upgrade', type: 'info', text: t('backup.startup.upgraded', { from: fromVersion, to: toVersion, name: backupName ?? '' }) },
    );
  }

  const restoreNewest = async () => {
    if (!empty) return;
    setRestoring(true);
    setError(null);
    const result = await restoreNamedBackup(empty.newest.name);
    setRestoring(false);
    if (result.ok) {
      void message.success(t('backup.startup.restored', { name: empty.newest.name }));
      dismissStartupNotice('emptyWithBackups');
    } else {
      setError(language === 'en' && result.error.messageEn ? result.error.messageEn : result.error.message);
    }
  };

  return (
    <>
      {daily?.progress && <DailyBackupIndicator done={daily.progress.done} total={daily.progress.total} />}
      {empty && (
        <Modal
          open
          closable={false}
          maskClosable={false}
          title={t('backup.startup.emptyTitle', { count: empty.count })}
          data-testid="startup-empty-notice"
          footer={
            <Flex justify="end" gap={8}>
              <Button disabled={restoring} onClick={() => dismissStartupNotice('emptyWithBackups')}>
                {t('backup.startup.startFresh')}
              </Button>
              <Button type="primary" loading={restoring} onClick={() => void restoreNewest()} data-testid="startup-restore-newest">
                {t('backup.startup.restoreNewest')}
              </Button>
            </Flex>
          }
        >
          <Typography.Paragraph>
            {t('backup.startup.emptyDescription', {
              time: formatDateTime(empty.newest.createdAt ?? empty.newest.modifiedAt),
              reason: reasonLabel(empty.newest.reason, t),
              talents: empty.newest.manifest?.tables.talents?.rows ?? '?',
            })}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} />}
        </Modal>
      )}
      {!empty && notices.length > 0 && (
        <Modal
          open
          title={t('app.name')}
          data-testid="startup-notice"
          onCancel={() => notices.forEach((notice) => dismissStartupNotice(notice.key))}
          footer={
            <Button type="primary" onClick={() => notices.forEach((notice) => dismissStartupNotice(notice.key))} data-testid="startup-notice-ok">
              {t('common.confirm')}
            </Button>
          }
        >
          <Flex vertical gap={8}>
            {notices.map((notice) => (
              <Alert key={notice.key} type={notice.type} showIcon title={notice.text} data-testid={`startup-${notice.key}`} />
            ))}
          </Flex>
        </Modal>
      )}
    </>
  );
}
