/**
 * The import wizard (route `/import?kind=talents|roster`): file → sheet and header → columns →
 * preview and fix → check against the database → result; the import history below. All parsing,
 * validation and writing happen in the import worker; this page only shows what it reports.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Flex, Segmented, Steps, Typography, App as AntApp } from 'antd';
import type { AppError } from '../../../shared/result';
import type { ImportKind } from '../../../shared/excel/importKinds';
import { formatDateTime } from '../../components/format';
import { SectionPage } from '../../components/SectionPage';
import { useLanguage, useT } from '../../i18n';
import type { OpenedFile } from '../../platform';
import { announceTalentChanges } from '../../data/talentEvents';
import type { CommitSummary, DryRunSummary, ImportProgress, ImportSummary } from '../../workers/import.worker';
import { importKindFromParam, isAbort, startImportWorker, type ImportWorker } from './importWorkerClient';
import { FileStep } from './FileStep';
import { SheetStep } from './SheetStep';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { CheckStep } from './CheckStep';
import { ResultStep } from './ResultStep';
import { ImportHistory } from './ImportHistory';
import { ProgressLine } from './ProgressLine';

type StepIndex = 0 | 1 | 2 | 3 | 4 | 5;

/** The wizard page. */
export function ImportPage() {
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const kind = importKindFromParam(params.get('kind'));
  const workerRef = useRef<ImportWorker | null>(null);
  const [step, setStep] = useState<StepIndex>(0);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [dryRun, setDryRun] = useState<DryRunSummary | null>(null);
  const [committed, setCommitted] = useState<CommitSummary | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: AppError } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [previewVersion, setPreviewVersion] = useState(0);

  useEffect(() => {
    const worker = startImportWorker();
    workerRef.current = worker;
    return () => {
      worker.close();
      workerRef.current = null;
    };
  }, []);

  const worker = useCallback((): ImportWorker => {
    const current = workerRef.current;
    if (!current) throw new Error('import worker not started');
    return current;
  }, []);

  const errorText = (error: AppError) => (language === 'en' && error.messageEn ? error.messageEn : error.message);

  const restart = useCallback(() => {
    void workerRef.current?.call.reset();
    setStep(0);
    setSummary(null);
    setDryRun(null);
    setCommitted(null);
    setFailure(null);
    setProgress(null);
  }, []);

  const changeKind = (next: ImportKind) => {
    restart();
    setParams({ kind: next }, { replace: true });
  };

  const loadFile = async ([file]: OpenedFile[]) => {
    if (!file) return;
    setFailure(null);
    setProgress({ phase: 'hash', done: 0, total: 1 });
    try {
      const result = await worker().call.load({ bytes: file.bytes, fileName: file.name, kind }, { onProgress: setProgress, transfer: [file.bytes.buffer] });
      if (!result.ok) {
        setFailure({ title: t('import.file.failed', { file: file.name }), error: result.error });
        return;
      }
      setSummary(result.value);
      setDryRun(null);
      setCommitted(null);
      setStep(1);
    } catch (error) {
      if (!isAbort(error)) setFailure({ title: t('import.file.failed', { file: file.name }), error: { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) } });
    } finally {
      setProgress(null);
    }
  };

  const updateSummary = (next: ImportSummary) => {
    setSummary(next);
    setDryRun(null);
    setPreviewVersion((version) => version + 1);
  };

  const onCommitted = (result: CommitSummary) => {
    setCommitted(result);
    announceTalentChanges(result.change);
    setStep(5);
  };

  const title = kind === 'roster' ? t('import.titleRoster') : t('import.titleTalents');
  const steps = (['file', 'sheet', 'mapping', 'preview', 'check', 'result'] as const).map((key) => ({ title: t(`import.steps.${key}`) }));

  return (
    <SectionPage
      title={title}
      extra={
        <Segmented<ImportKind>
          aria-label={t('import.kindLabel')}
          value={kind}
          disabled={progress !== null || step === 4}
          onChange={changeKind}
          options={[
            { value: 'talents', label: t('import.kindTalents') },
            { value: 'roster', label: t('import.kindRoster') },
          ]}
        />
      }
    >
      <Flex vertical gap={16} data-testid="import-wizard">
        <Steps current={step} items={steps} size="small" data-testid="import-steps" />
        {summary && summary.previousImports.length > 0 && step < 5 && (
          <Alert
            type="warning"
            showIcon
            data-testid="same-file-warning"
            title={t('import.file.sameFile', {
              time: formatDateTime(summary.previousImports[0]?.committedAt ?? ''),
              operator: summary.previousImports[0]?.operator ?? '',
              batch: (summary.previousImports[0]?.id ?? '').slice(0, 8),
            })}
          />
        )}
        {failure && (
          <Alert type="error" showIcon data-testid="import-error" title={failure.title} description={errorText(failure.error)} closable={{ onClose: () => setFailure(null) }} />
        )}
        {progress && <ProgressLine progress={progress} />}

        {step === 0 && <FileStep kind={kind} busy={progress !== null} onFiles={(files) => void loadFile(files)} onError={(error) => setFailure({ title: t('import.file.failed', { file: '' }), error })} />}
        {step === 1 && summary && (
          <SheetStep
            summary={summary}
            worker={worker}
            onSummary={updateSummary}
            onError={(error) => setFailure({ title: t('import.sheet.applyFailed', { message: '' }), error })}
            onProgress={setProgress}
            onBack={restart}
            onNext={() => setStep(2)}
          />
        )}
        {step === 2 && summary && (
          <MappingStep
            kind={kind}
            summary={summary}
            worker={worker}
            onSummary={updateSummary}
            onError={(error) => setFailure({ title: t('import.sheet.applyFailed', { message: '' }), error })}
            onProgress={setProgress}
            onBack={() => setStep(1)}
            onNext={() => setStep(3)}
          />
        )}
        {step === 3 && summary && (
          <PreviewStep
            kind={kind}
            summary={summary}
            version={previewVersion}
            worker={worker}
            onSummary={(next) => {
              setSummary(next);
              setDryRun(null);
            }}
            onBack={() => setStep(2)}
            onNext={() => setStep(4)}
          />
        )}
        {step === 4 && summary && (
          <CheckStep
            summary={summary}
            dryRun={dryRun}
            worker={worker}
            onDryRun={setDryRun}
            onProgress={setProgress}
            onBack={() => setStep(3)}
            onCommitted={onCommitted}
            onCanceled={() => void message.info(t('import.check.canceled'))}
          />
        )}
        {step === 5 && summary && committed && <ResultStep summary={summary} committed={committed} worker={worker} onRestart={restart} onToTalents={() => navigate('/talents')} />}
        <Typography.Title level={5} style={{ marginBottom: 0 }}>
          {t('import.history.title')}
        </Typography.Title>
        <ImportHistory
          worker={worker}
          onUndone={(batchId) => {
            // The registry changed under the current check: run it again, and forget the undone batch.
            setDryRun(null);
            setSummary((current) => (current ? { ...current, previousImports: current.previousImports.filter((batch) => batch.id !== batchId) } : current));
          }}
        />
        {kind === 'roster' && step === 0 && <Typography.Text type="secondary">{t('import.rosterNote')}</Typography.Text>}
        {kind === 'roster' && step === 0 && (
          <Typography.Text type="secondary" data-testid="roster-wizard-note">
            {t('bases.receipt.wizardNote')} <Typography.Link onClick={() => navigate('/rosters')}>{t('bases.receipt.toRosters')}</Typography.Link>
          </Typography.Text>
        )}
        {step > 0 && step < 5 && (
          <Button onClick={restart} style={{ alignSelf: 'flex-start' }}>
            {t('import.actions.restart')}
          </Button>
        )}
      </Flex>
    </SectionPage>
  );
}
