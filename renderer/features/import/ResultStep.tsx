/** Step 6: what the batch did, its error report, and undo of the whole batch. */
import { useState } from 'react';
import { Alert, Button, Flex, Popconfirm, Result } from 'antd';
import type { AppError } from '../../../shared/result';
import { announceTalentChanges } from '../../data/talentEvents';
import { useLanguage, useT } from '../../i18n';
import type { CommitSummary, ImportSummary } from '../../workers/import.worker';
import type { ImportWorker } from './importWorkerClient';
import { ErrorReportButton } from './ErrorReportButton';

export interface ResultStepProps {
  summary: ImportSummary;
  committed: CommitSummary;
  worker: () => ImportWorker;
  onRestart: () => void;
  onToTalents: () => void;
}

export function ResultStep({ summary, committed, worker, onRestart, onToTalents }: ResultStepProps) {
  const t = useT();
  const { language } = useLanguage();
  const { batch } = committed;
  const [undone, setUndone] = useState<{ removed: number; restored: number } | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const undo = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await worker().call.undo({ batchId: batch.id });
      if (!result.ok) setFailure(result.error);
      else {
        announceTalentChanges(result.value.change);
        setUndone({ removed: result.value.removed, restored: result.value.restored });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="result-step">
      <Result
        status={undone ? 'info' : 'success'}
        title={undone ? t('import.result.undone', undone) : t('import.result.title')}
        subTitle={t('import.result.subTitle', {
          batch: batch.id.slice(0, 8),
          created: batch.counts.created,
          updated: batch.counts.updated,
          unchanged: batch.counts.unchanged,
          invalid: batch.counts.invalid,
        })}
        extra={
          <Flex gap={8} justify="center" wrap>
            <ErrorReportButton worker={worker} disabled={summary.invalid === 0} />
            {!undone && (
              <Popconfirm title={t('import.actions.undoConfirm')} onConfirm={() => void undo()} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                <Button danger loading={busy} data-testid="undo-batch">
                  {t('import.actions.undo')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={onRestart}>{t('import.actions.restart')}</Button>
            <Button type="primary" onClick={onToTalents}>
              {t('import.actions.toTalents')}
            </Button>
          </Flex>
        }
      />
      {failure && <Alert type="error" showIcon title={t('import.result.undoFailed', { message: language === 'en' && failure.messageEn ? failure.messageEn : failure.message })} />}
    </Flex>
  );
}
