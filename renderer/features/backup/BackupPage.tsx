/**
 * 数据备份: the backup folder newest first (time, reason, size, operator, contents) with 下载 /
 * 打开所在文件夹, 恢复 and 删除; 立即备份; 导出全部数据 / 导入数据文件 (the same `.tlbak` format, for
 * moving to another computer). After a restore a notice says how to undo it, with the button.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { formatDateTime } from '../../components/format';
import { SectionPage } from '../../components/SectionPage';
import { createBackup, deleteBackup, exportDatabase, listBackups, type BackupListItem, type RestoreOutcome, type RestoreSource } from '../../data/backups';
import { formatBytes } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { usePlatform } from '../../platform';
import type { AppError } from '../../../shared/result';
import { reasonLabel } from './labels';
import { RestoreModal, type RestoreModalProps } from './RestoreModal';

/** Largest data file accepted by 导入数据文件 (a 300,000-talent backup is ≈ 35 MB). */
const MAX_DATA_FILE_BYTES = 1024 * 1024 * 1024;

const BACKUP_FILTERS = [{ name: '人才台账备份 (.tlbak)', extensions: ['tlbak'] }];

/** The last restore of this page load: its undo stays offered after visiting another section. */
let lastOutcome: { outcome: RestoreOutcome; source: RestoreSource } | null = null;

function rowsOf(item: BackupListItem): number {
  return Object.values(item.manifest?.tables ?? {}).reduce((sum, table) => sum + table.rows, 0);
}

export function BackupPage() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const platform = usePlatform();
  const [items, setItems] = useState<BackupListItem[] | null>(null);
  const [listError, setListError] = useState<AppError | null>(null);
  const [folder, setFolder] = useState<string>('');
  const [busy, setBusy] = useState<'backup' | 'export' | null>(null);
  const [request, setRequest] = useState<RestoreModalProps['request']>(null);
  const [outcome, setOutcomeState] = useState(lastOutcome);
  const setOutcome = (next: typeof lastOutcome) => {
    lastOutcome = next;
    setOutcomeState(next);
  };
  const messageOf = useCallback((error: AppError) => (language === 'en' && error.messageEn ? error.messageEn : error.message), [language]);

  const refresh = useCallback(async () => {
    const listed = await listBackups();
    if (listed.ok) {
      setItems(listed.value);
      setListError(null);
    } else {
      setItems([]);
      setListError(listed.error);
    }
    const where = await platform.backups.folder();
    if (where.ok) setFolder(where.value.path);
  }, [platform]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const backupNow = async () => {
    setBusy('backup');
    const written = await createBackup('manual');
    setBusy(null);
    if (written.ok) void message.success(t('backup.backupDone', { name: written.value.name }));
    else void message.error(t('backup.backupFailed', { message: messageOf(written.error) }));
    await refresh();
  };

  const exportAll = async () => {
    setBusy('export');
    try {
      const exported = await exportDatabase();
      const saved = await platform.saveFile(exported.name, exported.bytes, BACKUP_FILTERS);
      if (saved.ok && !saved.value.canceled) void message.success(t('backup.exportDone', { name: saved.value.path }));
      else if (!saved.ok) void message.error(t('backup.backupFailed', { message: messageOf(saved.error) }));
    } catch (error) {
      void message.error(t('backup.backupFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  const importFile = async () => {
    const opened = await platform.openFile({ filters: BACKUP_FILTERS, maxBytes: MAX_DATA_FILE_BYTES });
    if (!opened.ok) {
      void message.error(messageOf(opened.error));
      return;
    }
    if (opened.value.canceled) return;
    const bytes = opened.value.bytes;
    setRequest({ source: { label: opened.value.name, imported: true }, load: async () => ({ ok: true, value: bytes }) });
  };

  const download = async (item: BackupListItem) => {
    if (platform.kind === 'electron') {
      const path = folder ? `${folder.replace(/[\\/]$/, '')}/${item.name}` : item.name;
      await platform.revealFile(path);
      return;
    }
    const read = await platform.backups.read(item.name);
    if (!read.ok) {
      void message.error(messageOf(read.error));
      return;
    }
    await platform.saveFile(item.name, read.value, BACKUP_FILTERS);
  };

  const remove = async (item: BackupListItem) => {
    const deleted = await deleteBackup(item.name);
    if (deleted.ok) void message.success(t('backup.deleted', { name: item.name }));
    else void message.error(messageOf(deleted.error));
    await refresh();
  };

  const chooseFolder = async () => {
    const chosen = await platform.backups.chooseFolder();
    if (!chosen.ok) void message.error(messageOf(chosen.error));
    else if (!chosen.value.canceled) void message.success(t('backup.folderChanged', { path: chosen.value.path }));
    await refresh();
  };

  const restoreFromFolder = (item: BackupListItem, undoOf?: string) => {
    setRequest({
      source: undoOf === undefined ? { label: item.name } : { label: item.name, undoOf },
      load: () => platform.backups.read(item.name),
    });
  };

  const onRestored = (result: RestoreOutcome, source: RestoreSource) => {
    setRequest(null);
    setOutcome({ outcome: result, source });
    void refresh();
  };

  const undoRestore = () => {
    if (!outcome) return;
    const name = outcome.outcome.preRestore.name;
    setRequest({ source: { label: name, undoOf: outcome.source.label }, load: () => platform.backups.read(name) });
  };

  const columns: TableProps<BackupListItem>['columns'] = [
    { key: 'createdAt', title: t('backup.columns.createdAt'), width: 180, render: (_, item) => formatDateTime(item.createdAt ?? item.modifiedAt) },
    { key: 'reason', title: t('backup.columns.reason'), width: 110, render: (_, item) => <Tag color={item.reason === 'preRestore' ? 'orange' : item.reason === 'manual' ? 'blue' : undefined}>{reasonLabel(item.reason, t)}</Tag> },
    { key: 'size', title: t('backup.columns.size'), width: 100, align: 'right', render: (_, item) => formatBytes(item.size) },
    { key: 'operator', title: t('backup.columns.operator'), width: 110, render: (_, item) => (item.manifest ? item.manifest.operator || '—' : t('backup.unknown')) },
    {
      key: 'contents',
      title: t('backup.columns.contents'),
      render: (_, item) =>
        item.manifest ? t('backup.contents', { talents: item.manifest.tables.talents?.rows ?? 0, rows: rowsOf(item) }) : <Typography.Text type="secondary">{t('backup.notVerified')}</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('backup.columns.actions'),
      width: 260,
      render: (_, item) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => void download(item)} data-testid="backup-download">
            {platform.kind === 'electron' ? t('backup.actions.showFolder') : t('backup.actions.download')}
          </Button>
          <Button size="small" type="link" onClick={() => restoreFromFolder(item)} data-testid="backup-restore">
            {t('backup.actions.restore')}
          </Button>
          <Popconfirm title={t('backup.deleteConfirm')} onConfirm={() => void remove(item)} okText={t('backup.actions.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')}>
            <Button size="small" type="link" danger data-testid="backup-delete">
              {t('backup.actions.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <SectionPage
      title={t('backup.title')}
      extra={
        <Space wrap>
          <Button type="primary" loading={busy === 'backup'} disabled={busy !== null} onClick={() => void backupNow()} data-testid="backup-now">
            {t('backup.backupNow')}
          </Button>
          <Button loading={busy === 'export'} disabled={busy !== null} onClick={() => void exportAll()} data-testid="backup-export">
            {t('backup.exportAll')}
          </Button>
          <Button disabled={busy !== null} onClick={() => void importFile()} data-testid="backup-import">
            {t('backup.importFile')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        {outcome && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setOutcome(null)}
            data-testid="restore-done"
            title={
              outcome.source.undoOf !== undefined
                ? t('backup.restore.undone', { name: outcome.source.label })
                : t('backup.restore.done', { name: outcome.source.label, talents: outcome.outcome.manifest.tables.talents?.rows ?? 0 })
            }
            description={outcome.source.undoOf === undefined ? t('backup.restore.undoHint', { name: outcome.outcome.preRestore.name }) : undefined}
            action={
              outcome.source.undoOf === undefined ? (
                <Button size="small" danger onClick={undoRestore} data-testid="restore-undo">
                  {t('backup.restore.undo')}
                </Button>
              ) : undefined
            }
          />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('backup.intro')}
        </Typography.Paragraph>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{t('backup.folder')}:</Typography.Text>
          <Typography.Text code data-testid="backup-folder">
            {platform.kind === 'browser' ? t('backup.folderBrowser') : folder}
          </Typography.Text>
          {platform.kind === 'electron' && (
            <Button size="small" onClick={() => void chooseFolder()}>
              {t('backup.chooseFolder')}
            </Button>
          )}
          <Button size="small" onClick={() => void refresh()}>
            {t('backup.refresh')}
          </Button>
          {items && <Typography.Text type="secondary">{t('backup.count', { count: items.length })}</Typography.Text>}
        </Flex>
        {listError && <Alert type="error" showIcon title={messageOf(listError)} />}
        <Table<BackupListItem>
          data-testid="backup-table"
          rowKey="name"
          size="small"
          loading={items === null}
          columns={columns}
          dataSource={items ?? []}
          locale={{ emptyText: t('backup.empty') }}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
        />
      </Flex>
      <RestoreModal request={request} onClose={() => setRequest(null)} onRestored={onRestored} />
    </SectionPage>
  );
}
