/**
 * 接收花名册 (人社局): read a roster file, show a submission file's provenance and whether its data
 * rows were edited after export, check it against the base and programme, let the clerk return rows
 * and settle name conflicts, then receive it in one transaction.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Button, Checkbox, Descriptions, Flex, Input, Select, Spin, App as AntApp } from 'antd';
import { talentCategoryOptions } from '../../../shared/codes/codeLists';
import { programmeLabel } from '../../../shared/bases/trainingBase';
import type { TalentCategory } from '../../../shared/talent/talent';
import type { AppError } from '../../../shared/result';
import { listBases } from '../../data/bases';
import type { ConflictResolution } from '../../data/importBatches';
import { applyRosterContext, commitRosterReceipt, findProgramme, type ParsedRosterFile, type RosterCommitResult, type RosterReceipt } from '../../data/rosters';
import { announceTalentChanges, TALENT_CHANGE_ID_LIMIT } from '../../data/talentEvents';
import { getDatabase } from '../../db/db';
import type { MaskPattern } from '../../db/types';
import { formatDate, formatDateTime } from '../../components/format';
import { useLanguage, useT } from '../../i18n';
import { FileDropZone, type OpenedFile } from '../../platform';
import { ReceiptRowsTable } from './ReceiptRowsTable';
import { readRosterFileInWorker } from './rosterFileClient';
import { rosterStatusLabel, ROSTER_FILE_FILTERS, todayInShanghai } from './shared';

interface Choice {
  baseId: string;
  programmeId: string;
  batchKey: string;
}

export function ReceivePanel({ mask, onOpenRoster }: { mask: MaskPattern; onOpenRoster: (rosterId: string) => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = AntApp.useApp();
  const bases = useLiveQuery(() => listBases(), []);
  const [parsed, setParsed] = useState<ParsedRosterFile | null>(null);
  const [choice, setChoice] = useState<Choice>({ baseId: '', programmeId: '', batchKey: '' });
  const [receipt, setReceipt] = useState<RosterReceipt | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejected, setRejected] = useState<Map<number, string>>(new Map());
  const [resolutions, setResolutions] = useState<Map<number, ConflictResolution>>(new Map());
  const [confirmEdited, setConfirmEdited] = useState(false);
  const [category, setCategory] = useState<TalentCategory>('aiTrainer');
  const [done, setDone] = useState<RosterCommitResult | null>(null);
  const errorText = (error: AppError) => (language === 'en' && error.messageEn ? error.messageEn : error.message);
  const base = bases?.find((candidate) => candidate.id === choice.baseId);

  useEffect(() => {
    if (!parsed || choice.baseId === '' || choice.batchKey.trim() === '') {
      setReceipt(null);
      return;
    }
    let live = true;
    void applyRosterContext(getDatabase(), parsed, choice).then((result) => {
      if (!live) return;
      if (result.ok) {
        setReceipt(result.value);
        setFailure(null);
      } else setFailure(result.error);
    });
    return () => {
      live = false;
    };
  }, [parsed, choice]);

  const load = async ([file]: OpenedFile[]) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setDone(null);
    setReceipt(null);
    setRejected(new Map());
    setResolutions(new Map());
    setConfirmEdited(false);
    try {
      const result = await readRosterFileInWorker(file.bytes, file.name, todayInShanghai());
      if (!result.ok) {
        setFailure(result.error);
        setParsed(null);
        return;
      }
      const meta = result.value.submission?.meta;
      const all = bases ?? (await listBases());
      const named = meta ? all.find((candidate) => candidate.code === meta.baseCode) : undefined;
      const programme = named ? findProgramme(named, meta) : undefined;
      setChoice({ baseId: named?.id ?? '', programmeId: programme?.id ?? '', batchKey: meta?.batchKey ?? '' });
      setParsed(result.value);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!receipt) return;
    setBusy(true);
    try {
      const result = await commitRosterReceipt(getDatabase(), receipt, { side: 'bureau', rejected, resolutions, confirmEdited, newTalentCategory: category });
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      const ids = result.value.changedTalentIds;
      announceTalentChanges(ids.length > TALENT_CHANGE_ID_LIMIT ? { reset: true } : { upserted: ids, removed: [] });
      setDone(result.value);
      setParsed(null);
      setReceipt(null);
      void message.success(t('bases.receipt.committed', { accepted: result.value.accepted, rejected: result.value.rejected, kept: result.value.kept, created: result.value.created, updated: result.value.updated, skill: result.value.skillLevelsChanged }));
    } finally {
      setBusy(false);
    }
  };

  const submission = parsed?.submission;
  const openConflicts = receipt ? receipt.rows.filter((row) => row.match?.kind === 'conflict' && !resolutions.has(row.row) && !rejected.has(row.row)).length : 0;
  const blocked = !receipt || busy || openConflicts > 0 || (submission?.check.state === 'edited' && !confirmEdited);

  return (
    <Flex vertical gap={12} data-testid="receive-panel">
      {failure && <Alert type="error" showIcon title={t('bases.receipt.failed', { message: errorText(failure) })} closable={{ onClose: () => setFailure(null) }} data-testid="receive-error" />}
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="receive-done"
          title={t('bases.receipt.committed', { accepted: done.accepted, rejected: done.rejected, kept: done.kept, created: done.created, updated: done.updated, skill: done.skillLevelsChanged })}
          action={
            <Button size="small" onClick={() => onOpenRoster(done.roster.id)} data-testid="open-received-roster">
              {t('bases.rosters.detail')}
            </Button>
          }
        />
      )}
      {!parsed && (
        <Spin spinning={busy} tip={t('bases.receipt.reading')}>
          <FileDropZone filters={ROSTER_FILE_FILTERS} onFiles={(files) => void load(files)} onError={setFailure} disabled={busy} hint={t('bases.receipt.file')} />
        </Spin>
      )}
      {parsed && (
        <>
          {submission ? (
            <Alert
              type={submission.check.state === 'edited' ? 'warning' : 'info'}
              showIcon
              data-testid="submission-provenance"
              title={t('bases.receipt.provenanceTitle', { base: submission.meta.baseName, code: submission.meta.baseCode })}
              description={
                <Flex vertical gap={4}>
                  <span>
                    {t('bases.receipt.provenance', {
                      programme: [submission.meta.occupation, submission.meta.workType].filter(Boolean).join('/') || '—',
                      batch: submission.meta.batchKey,
                      start: formatDate(submission.meta.periodStart),
                      end: formatDate(submission.meta.periodEnd),
                      rows: submission.meta.rowCount,
                      exportedAt: formatDateTime(submission.meta.exportedAt),
                      version: submission.meta.appVersion,
                    })}
                  </span>
                  <strong data-testid="submission-hash-state">{submission.check.state === 'edited' ? t('bases.receipt.edited') : t('bases.receipt.untouched')}</strong>
                  {submission.check.state === 'edited' && (
                    <Checkbox checked={confirmEdited} onChange={(event) => setConfirmEdited(event.target.checked)} data-testid="confirm-edited">
                      {t('bases.receipt.editedConfirm')}
                    </Checkbox>
                  )}
                  {!base && <span>{t('bases.receipt.unknownBase', { code: submission.meta.baseCode })}</span>}
                </Flex>
              }
            />
          ) : (
            <Alert type="info" showIcon title={t('bases.receipt.plainFile')} data-testid="plain-roster" />
          )}
          <Descriptions size="small" column={4} bordered layout="vertical">
            <Descriptions.Item label={t('bases.receipt.base')}>
              <Select
                style={{ width: 220 }}
                value={choice.baseId || undefined}
                data-testid="receive-base"
                onChange={(baseId: string) => {
                  const next = bases?.find((candidate) => candidate.id === baseId);
                  setChoice({ ...choice, baseId, programmeId: next ? (findProgramme(next, submission?.meta)?.id ?? '') : '' });
                }}
                options={(bases ?? []).map((candidate) => ({ value: candidate.id, label: `${candidate.code} ${candidate.name}` }))}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('bases.receipt.programme')}>
              <Select
                style={{ width: 260 }}
                value={choice.programmeId}
                onChange={(programmeId: string) => setChoice({ ...choice, programmeId })}
                options={[{ value: '', label: t('bases.receipt.noProgramme') }, ...(base?.programmes ?? []).map((programme) => ({ value: programme.id, label: programmeLabel(programme, language === 'en' ? 'en' : 'zh') }))]}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('bases.receipt.batch')}>
              <Input style={{ width: 140 }} value={choice.batchKey} placeholder={t('bases.receipt.batchPlaceholder')} onChange={(event) => setChoice({ ...choice, batchKey: event.target.value })} data-testid="receive-batch" />
            </Descriptions.Item>
            <Descriptions.Item label={t('bases.receipt.category')}>
              <Select<TalentCategory> style={{ width: 180 }} value={category} onChange={setCategory} options={talentCategoryOptions.map((option) => ({ value: option.value, label: language === 'en' ? option.en : option.zh }))} />
            </Descriptions.Item>
          </Descriptions>
          {receipt?.existing && (
            <Alert
              type="info"
              showIcon
              data-testid="resubmission-notice"
              title={t('bases.receipt.resubmission', { count: receipt.existing.submissions, status: rosterStatusLabel(receipt.existing.status, language), accepted: receipt.existing.counts.accepted })}
            />
          )}
          {receipt && (
            <>
              <Alert
                type={receipt.counts.invalid > 0 ? 'warning' : 'success'}
                showIcon
                data-testid="receipt-summary"
                title={t('bases.receipt.summary', {
                  rows: receipt.counts.rows,
                  valid: receipt.counts.valid,
                  new: receipt.counts.new,
                  matched: receipt.counts.matched,
                  conflicts: receipt.counts.conflicts,
                  invalid: receipt.counts.invalid,
                  warned: receipt.counts.warned,
                  kept: receipt.counts.alreadyAccepted,
                })}
              />
              <ReceiptRowsTable receipt={receipt} mask={mask} decisions={{ rejected, onRejected: setRejected, resolutions, onResolutions: setResolutions }} />
            </>
          )}
          <Flex gap={8}>
            <Button type="primary" disabled={blocked} loading={busy} onClick={() => void commit()} data-testid="receive-commit">
              {t('bases.receipt.commit')}
            </Button>
            <Button
              onClick={() => {
                setParsed(null);
                setReceipt(null);
              }}
            >
              {t('bases.receipt.restart')}
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
