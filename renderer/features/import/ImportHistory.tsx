/** The import history: every batch with time, file, counts, operator, and 撤销 for committed ones. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { App as AntApp, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../components/format';
import { getDatabase } from '../../db';
import type { ImportBatch } from '../../db/types';
import { listImportBatches } from '../../data/importBatches';
import { announceTalentChanges } from '../../data/talentEvents';
import { useLanguage, useT } from '../../i18n';
import type { ImportWorker } from './importWorkerClient';

export function ImportHistory({ worker, onUndone }: { worker: () => ImportWorker; onUndone?: (batchId: string) => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = AntApp.useApp();
  const batches = useLiveQuery(() => listImportBatches(getDatabase()), []);
  const [busyId, setBusyId] = useState<string | null>(null);

  const undo = async (batch: ImportBatch) => {
    setBusyId(batch.id);
    try {
      const result = await worker().call.undo({ batchId: batch.id });
      if (!result.ok) void message.error(t('import.result.undoFailed', { message: language === 'en' && result.error.messageEn ? result.error.messageEn : result.error.message }));
      else {
        announceTalentChanges(result.value.change);
        onUndone?.(batch.id);
        void message.success(t('import.result.undone', { removed: result.value.removed, restored: result.value.restored }));
      }
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Table<ImportBatch>
      size="small"
      rowKey="id"
      data-testid="import-history"
      loading={batches === undefined}
      dataSource={batches ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('import.history.empty') }}
      columns={[
        { key: 'time', title: t('import.history.time'), width: 170, render: (_, batch) => formatDateTime(batch.committedAt) },
        { key: 'file', title: t('import.history.file'), ellipsis: true, render: (_, batch) => batch.fileName },
        { key: 'kind', title: t('import.history.kind'), width: 110, render: (_, batch) => (batch.kind === 'roster' ? t('import.kindRoster') : t('import.kindTalents')) },
        {
          key: 'counts',
          title: t('import.history.counts'),
          width: 190,
          render: (_, batch) => `${batch.counts.created} / ${batch.counts.updated} / ${batch.counts.unchanged} / ${batch.counts.invalid}`,
        },
        { key: 'operator', title: t('import.history.operator'), width: 100, dataIndex: 'operator' },
        {
          key: 'status',
          title: t('import.history.status'),
          width: 220,
          render: (_, batch) =>
            batch.status === 'undone' ? (
              <Typography.Text type="secondary">
                <Tag>{t('import.history.undone')}</Tag>
                {t('import.history.undoneAt', { time: formatDateTime(batch.undoneAt ?? ''), operator: batch.undoneBy ?? '' })}
              </Typography.Text>
            ) : (
              <>
                <Tag color="green">{t('import.history.committed')}</Tag>
                <Popconfirm title={t('import.actions.undoConfirm')} onConfirm={() => void undo(batch)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button size="small" danger loading={busyId === batch.id} data-testid={`history-undo-${batch.id}`}>
                    {t('import.actions.undo')}
                  </Button>
                </Popconfirm>
              </>
            ),
        },
      ]}
    />
  );
}
