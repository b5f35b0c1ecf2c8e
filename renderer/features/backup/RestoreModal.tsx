/**
 * The restore dialog: check the chosen file completely (nothing written) → show what it holds next
 * to what the database holds now → on confirm, back up the current data and replace everything in one
 * transaction. A refused file shows the reader's message and the promise that nothing was changed.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Flex, Modal, Spin, Table, Typography, type TableProps } from 'antd';
import { formatDateTime } from '../../components/format';
import { inspectBackup, restoreBackup, type RestoreOutcome, type RestoreSource, type VerifiedBackup } from '../../data/backups';
import type { TableComparison } from '../../../shared/backup';
import type { AppError, Result } from '../../../shared/result';
import { useLanguage, useT } from '../../i18n';
import { reasonLabel, tableLabel } from './labels';

export interface RestoreModalProps {
  /** What to restore; null closes the dialog. */
  request: { source: RestoreSource; load: () => Promise<Result<Uint8Array>> } | null;
  onClose: () => void;
  onRestored: (outcome: RestoreOutcome, source: RestoreSource) => void;
}

type Phase =
  | { step: 'checking' }
  | { step: 'refused'; error: AppError }
  | { step: 'verified'; bytes: Uint8Array; verified: VerifiedBackup }
  | { step: 'restoring' }
  | { step: 'failed'; error: AppError };

export function RestoreModal({ request, onClose, onRestored }: RestoreModalProps) {
  const t = useT();
  const { language } = useLanguage();
  const [phase, setPhase] = useState<Phase>({ step: 'checking' });
  const messageOf = (error: AppError) => (language === 'en' && error.messageEn ? error.messageEn : error.message);

  useEffect(() => {
    if (!request) return;
    let active = true;
    setPhase({ step: 'checking' });
    void (async () => {
      const loaded = await request.load();
      if (!loaded.ok) {
        if (active) setPhase({ step: 'refused', error: loaded.error });
        return;
      }
      const inspected = await inspectBackup(loaded.value, undefined, request.source.imported ? undefined : request.source.label);
      if (!active) return;
      setPhase(inspected.ok ? { step: 'verified', bytes: loaded.value, verified: inspected.value } : { step: 'refused', error: inspected.error });
    })();
    return () => {
      active = false;
    };
  }, [request]);

  if (!request) return null;

  const confirm = async (bytes: Uint8Array) => {
    setPhase({ step: 'restoring' });
    const result = await restoreBackup(bytes, request.source);
    if (result.ok) onRestored(result.value, request.source);
    else setPhase({ step: 'failed', error: result.error });
  };

  const columns: TableProps<TableComparison>['columns'] = [
    { key: 'table', title: t('backup.restore.table'), render: (_, row) => tableLabel(row.table, t) },
    { key: 'backupRows', title: `${t('backup.restore.backupSide')} · ${t('backup.restore.rows')}`, align: 'right', render: (_, row) => row.backupRows ?? '—' },
    { key: 'backupNewest', title: `${t('backup.restore.backupSide')} · ${t('backup.restore.newestChange')}`, render: (_, row) => (row.backupNewestChange ? formatDateTime(row.backupNewestChange) : '—') },
    { key: 'databaseRows', title: `${t('backup.restore.databaseSide')} · ${t('backup.restore.rows')}`, align: 'right', render: (_, row) => row.databaseRows ?? '—' },
    { key: 'databaseNewest', title: `${t('backup.restore.databaseSide')} · ${t('backup.restore.newestChange')}`, render: (_, row) => (row.databaseNewestChange ? formatDateTime(row.databaseNewestChange) : '—') },
  ];

  const title = request.source.imported ? t('backup.restore.importTitle', { name: request.source.label }) : t('backup.restore.title', { name: request.source.label });
  const busy = phase.step === 'checking' || phase.step === 'restoring';

  return (
    <Modal
      open
      title={title}
      width={900}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      data-testid="restore-modal"
      footer={
        phase.step === 'verified' ? (
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" danger data-testid="restore-confirm" onClick={() => void confirm(phase.bytes)}>
              {t('backup.restore.confirm')}
            </Button>
          </Flex>
        ) : busy ? null : (
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        )
      }
    >
      {phase.step === 'checking' && (
        <Flex gap={8} align="center">
          <Spin /> {t('backup.restore.checking')}
        </Flex>
      )}
      {phase.step === 'restoring' && (
        <Flex gap={8} align="center">
          <Spin /> {t('backup.restore.restoring')}
        </Flex>
      )}
      {(phase.step === 'refused' || phase.step === 'failed') && (
        <Alert
          type="error"
          showIcon
          data-testid="restore-refused"
          title={phase.step === 'refused' ? t('backup.restore.refused') : t('backup.restore.failed', { message: '' })}
          description={
            <>
              <div>{messageOf(phase.error)}</div>
              <div>{t('backup.restore.untouched')}</div>
            </>
          }
        />
      )}
      {phase.step === 'verified' && (
        <Flex vertical gap={12}>
          <Alert type="success" showIcon title={t('backup.restore.verified')} />
          <Descriptions size="small" column={1}>
            <Descriptions.Item>
              {t('backup.restore.info', {
                createdAt: formatDateTime(phase.verified.summary.manifest.createdAt),
                operator: phase.verified.summary.manifest.operator || '—',
                reason: reasonLabel(phase.verified.summary.manifest.reason, t),
                appVersion: phase.verified.summary.manifest.appVersion,
                schemaVersion: String(phase.verified.summary.manifest.schemaVersion),
              })}
            </Descriptions.Item>
          </Descriptions>
          <Table<TableComparison> size="small" rowKey="table" pagination={false} columns={columns} dataSource={phase.verified.comparison.tables} data-testid="restore-comparison" />
          {phase.verified.comparison.databaseHasNewerChanges && <Alert type="warning" showIcon title={t('backup.restore.newerWarning')} />}
          <Typography.Text type="secondary">{t('backup.restore.steps')}</Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}
