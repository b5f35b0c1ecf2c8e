/**
 * Step 5: the dry run against the database (new / updated with field changes / unchanged / name
 * conflicts), the clerk's decisions on conflicts, the import mode, and the commit with a progress
 * bar and 取消. Cancel or failure: the worker's one transaction rolls back, nothing is stored.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Progress, Radio, Row, Spin, Statistic, Table, Typography } from 'antd';
import { codeLabel } from '../../../shared/codes/matchCode';
import type { FieldDef } from '../../../shared/fields/fieldTypes';
import { talentFieldByKey } from '../../../shared/talent/talentFields';
import type { AppError } from '../../../shared/result';
import type { ImportCommitMode } from '../../db/types';
import { backupBeforeImport, importCommitSettled } from '../../data/backups';
import type { ConflictResolution } from '../../data/importBatches';
import { useLanguage, useT } from '../../i18n';
import type { CommitSummary, DryRunSummary, ImportProgress, ImportSummary } from '../../workers/import.worker';
import { fieldLabel, isAbort, type ImportWorker } from './importWorkerClient';

export interface CheckStepProps {
  summary: ImportSummary;
  dryRun: DryRunSummary | null;
  worker: () => ImportWorker;
  onDryRun: (dryRun: DryRunSummary) => void;
  onProgress: (progress: ImportProgress | null) => void;
  onBack: () => void;
  onCommitted: (result: CommitSummary) => void;
  onCanceled: () => void;
}

const talentFieldsByKey = talentFieldByKey as ReadonlyMap<string, FieldDef>;

/** A stored or imported value as the clerk reads it: code labels, booleans as 是/否, '—' for blank. */
function valueText(field: string, value: unknown, language: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.join('、');
  const definition = talentFieldsByKey.get(field);
  const lang = language === 'en' ? 'en' : 'zh';
  if (typeof value === 'string' && definition?.options) return codeLabel(definition.options, value, lang);
  if (typeof value === 'boolean') return value ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否';
  return String(value);
}

export function CheckStep({ summary, dryRun, worker, onDryRun, onProgress, onBack, onCommitted, onCanceled }: CheckStepProps) {
  const t = useT();
  const { language } = useLanguage();
  const [mode, setMode] = useState<ImportCommitMode>('validOnly');
  const [resolutions, setResolutions] = useState<Map<number, ConflictResolution>>(() => new Map());
  const [failure, setFailure] = useState<AppError | null>(null);
  const [commitProgress, setCommitProgress] = useState<ImportProgress | null>(null);
  const [phase, setPhase] = useState<'idle' | 'committing' | 'canceling'>('idle');
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (dryRun) return;
    const abort = new AbortController();
    void worker()
      .call.dryRun(undefined, { signal: abort.signal, onProgress })
      .then((result) => {
        if (result.ok) onDryRun(result.value);
        else setFailure(result.error);
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setFailure({ code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => onProgress(null));
    return () => abort.abort();
  }, [dryRun, worker, onDryRun, onProgress]);

  if (!dryRun) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        {failure ? <Alert type="error" showIcon title={failure.message} /> : <Spin />}
      </Flex>
    );
  }

  const openConflicts = dryRun.conflicts.filter((conflict) => !resolutions.has(conflict.row)).length;
  const blockedByErrors = mode === 'allOrNothing' && dryRun.invalid > 0;
  const nothing = dryRun.counts.new + dryRun.counts.updated + dryRun.counts.conflicts === 0;
  const label = (field: string) => fieldLabel(talentFieldsByKey.get(field), language, field);

  const commit = async () => {
    setFailure(null);
    setPhase('committing');
    setCommitProgress({ phase: 'commit', done: 0, total: dryRun.counts.new + dryRun.counts.updated + dryRun.counts.conflicts });
    const abort = new AbortController();
    controller.current = abort;
    // A backup of the database as it is now, and a marker that an import is running: if the app is
    // killed mid-commit, the next start can tell the clerk whether the batch is in (all of it) or not.
    const backup = await backupBeforeImport(summary.fileName);
    if (!backup.ok) {
      setFailure(backup.error);
      controller.current = null;
      setCommitProgress(null);
      setPhase('idle');
      return;
    }
    try {
      const result = await worker().call.commit({ mode, resolutions: [...resolutions] }, { signal: abort.signal, onProgress: setCommitProgress });
      if (result.ok) onCommitted(result.value);
      else setFailure(result.error);
    } catch (error) {
      if (isAbort(error)) {
        // The page stops waiting at once; the worker's transaction is rolling back. Wait for it.
        await worker().call.settled();
        onCanceled();
      } else setFailure({ code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) });
    } finally {
      importCommitSettled();
      controller.current = null;
      setCommitProgress(null);
      setPhase('idle');
    }
  };

  const cancel = () => {
    setPhase('canceling');
    controller.current?.abort();
  };

  const setAll = (resolution: ConflictResolution) => setResolutions(new Map(dryRun.conflicts.map((conflict) => [conflict.row, resolution])));

  return (
    <Flex vertical gap={16} data-testid="check-step">
      <Row gutter={12}>
        {(
          [
            ['new', dryRun.counts.new, undefined],
            ['updated', dryRun.counts.updated, undefined],
            ['unchanged', dryRun.counts.unchanged, undefined],
            ['conflicts', dryRun.counts.conflicts, dryRun.counts.conflicts > 0 ? '#d46b08' : undefined],
            ['invalid', dryRun.invalid, dryRun.invalid > 0 ? '#cf1322' : undefined],
          ] as const
        ).map(([key, value, color]) => (
          <Col key={key} flex="1">
            <Card size="small" data-testid={`check-${key}`}>
              <Statistic title={t(`import.check.${key}`)} value={value} styles={color ? { content: { color } } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      {nothing && <Alert type="info" showIcon data-testid="check-nothing" title={t('import.check.nothingToDo')} />}

      {dryRun.updated.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text strong>
            {t('import.check.updatedList')}
            {dryRun.counts.updated > dryRun.updated.length && <Typography.Text type="secondary"> · {t('import.check.updatedMore', { count: dryRun.updated.length })}</Typography.Text>}
          </Typography.Text>
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={dryRun.updated}
            columns={[
              { key: 'row', title: t('import.preview.rowNumber'), width: 72, dataIndex: 'row' },
              { key: 'name', title: t('import.check.registryName'), width: 120, dataIndex: 'name' },
              {
                key: 'changes',
                title: `${t('import.check.field')}: ${t('import.check.before')} → ${t('import.check.after')}`,
                render: (_, entry) => entry.changes.map((change) => `${label(change.field)}: ${valueText(change.field, change.before, language)} → ${valueText(change.field, change.after, language)}`).join('；'),
              },
            ]}
          />
        </Flex>
      )}

      {dryRun.conflicts.length > 0 && (
        <Flex vertical gap={4} data-testid="conflicts">
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{t('import.check.conflictList')}</Typography.Text>
            <Flex gap={8}>
              <Button size="small" onClick={() => setAll('keepRegistry')}>
                {t('import.check.allKeep')}
              </Button>
              <Button size="small" onClick={() => setAll('takeFile')}>
                {t('import.check.allTake')}
              </Button>
            </Flex>
          </Flex>
          <Table
            size="small"
            rowKey="row"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={dryRun.conflicts}
            columns={[
              { key: 'row', title: t('import.preview.rowNumber'), width: 72, dataIndex: 'row' },
              { key: 'registry', title: t('import.check.registryName'), width: 120, dataIndex: 'registryName' },
              { key: 'file', title: t('import.check.fileName'), width: 120, dataIndex: 'fileName' },
              {
                key: 'resolution',
                title: t('import.check.resolution'),
                render: (_, conflict) => (
                  <Radio.Group
                    size="small"
                    value={resolutions.get(conflict.row)}
                    onChange={(event) => setResolutions((previous) => new Map(previous).set(conflict.row, event.target.value as ConflictResolution))}
                    options={[
                      { value: 'keepRegistry', label: t('import.check.keepRegistry') },
                      { value: 'takeFile', label: t('import.check.takeFile') },
                      { value: 'skip', label: t('import.check.skip') },
                    ]}
                  />
                ),
              },
            ]}
          />
          {openConflicts > 0 && <Alert type="warning" showIcon title={t('import.check.openConflicts', { count: openConflicts })} />}
        </Flex>
      )}

      <Flex vertical gap={4}>
        <Typography.Text strong>{t('import.check.mode')}</Typography.Text>
        <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as ImportCommitMode)} disabled={phase !== 'idle'}>
          <Flex vertical gap={4}>
            <Radio value="validOnly">{t('import.check.modeValidOnly')}</Radio>
            <Radio value="allOrNothing">{t('import.check.modeAllOrNothing')}</Radio>
          </Flex>
        </Radio.Group>
        {blockedByErrors && <Alert type="error" showIcon title={t('import.check.allOrNothingBlocked', { count: dryRun.invalid })} />}
      </Flex>

      {failure && <Alert type="error" showIcon data-testid="commit-error" title={t('import.check.failed', { message: language === 'en' && failure.messageEn ? failure.messageEn : failure.message })} />}
      {commitProgress && (
        <Flex vertical gap={4} data-testid="commit-progress">
          <Typography.Text>{phase === 'canceling' ? t('import.check.canceling') : t('import.check.committing', { done: commitProgress.done, total: commitProgress.total })}</Typography.Text>
          <Progress percent={commitProgress.total > 0 ? Math.floor((commitProgress.done / commitProgress.total) * 100) : 0} status={phase === 'canceling' ? 'exception' : 'active'} />
        </Flex>
      )}
      <Flex gap={8}>
        <Button onClick={onBack} disabled={phase !== 'idle'}>
          {t('import.actions.back')}
        </Button>
        <Button type="primary" data-testid="commit" loading={phase === 'committing'} disabled={phase !== 'idle' || nothing || openConflicts > 0 || blockedByErrors} onClick={() => void commit()}>
          {t('import.actions.start')}
        </Button>
        {phase !== 'idle' && (
          <Button danger onClick={cancel} disabled={phase === 'canceling'} data-testid="commit-cancel">
            {t('import.actions.cancel')}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary">{summary.fileName}</Typography.Text>
    </Flex>
  );
}
