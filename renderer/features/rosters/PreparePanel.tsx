/**
 * 准备报送 (培训基地): choose the base's programme and 批次, load the filled-in roster, pre-check it
 * with the bureau's rules, then keep the base's own copy (待审核) and export the submission file.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Button, Descriptions, Flex, Input, Popconfirm, Select, Spin, App as AntApp } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { programmeLabel } from '../../../shared/bases/trainingBase';
import type { AppError } from '../../../shared/result';
import { listBases } from '../../data/bases';
import type { ConflictResolution } from '../../data/importBatches';
import { applyRosterContext, buildSubmissionFile, commitRosterReceipt, type ParsedRosterFile, type RosterReceipt } from '../../data/rosters';
import { announceTalentChanges, TALENT_CHANGE_ID_LIMIT } from '../../data/talentEvents';
import { getDatabase } from '../../db/db';
import type { MaskPattern } from '../../db/types';
import { useLanguage, useT } from '../../i18n';
import { FileDropZone, usePlatform, type OpenedFile } from '../../platform';
import { ReceiptRowsTable } from './ReceiptRowsTable';
import { readRosterFileInWorker } from './rosterFileClient';
import { appVersion, ROSTER_FILE_FILTERS, todayInShanghai } from './shared';

export function PreparePanel({ mask }: { mask: MaskPattern }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = AntApp.useApp();
  const platform = usePlatform();
  const bases = useLiveQuery(() => listBases(), []);
  const [baseId, setBaseId] = useState('');
  const [programmeId, setProgrammeId] = useState('');
  const [batchKey, setBatchKey] = useState('');
  const [parsed, setParsed] = useState<ParsedRosterFile | null>(null);
  const [receipt, setReceipt] = useState<RosterReceipt | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const errorText = (error: AppError) => (language === 'en' && error.messageEn ? error.messageEn : error.message);
  const base = bases?.find((candidate) => candidate.id === baseId) ?? bases?.[0];

  useEffect(() => {
    if (base && baseId === '') {
      setBaseId(base.id);
      setProgrammeId(base.programmes[0]?.id ?? '');
    }
  }, [base, baseId]);

  useEffect(() => {
    if (!parsed || !base || batchKey.trim() === '') {
      setReceipt(null);
      return;
    }
    let live = true;
    void applyRosterContext(getDatabase(), parsed, { baseId: base.id, programmeId, batchKey }).then((result) => {
      if (!live) return;
      if (result.ok) setReceipt(result.value);
      else setFailure(result.error);
    });
    return () => {
      live = false;
    };
  }, [parsed, base, programmeId, batchKey]);

  const load = async ([file]: OpenedFile[]) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setExported(null);
    try {
      const result = await readRosterFileInWorker(file.bytes, file.name, todayInShanghai());
      if (!result.ok) setFailure(result.error);
      else setParsed(result.value);
    } finally {
      setBusy(false);
    }
  };

  const exportSubmission = async () => {
    if (!receipt) return;
    setBusy(true);
    try {
      // The base's own copy: its trainees (matched by document; a different name keeps the stored one) and the roster 待审核.
      const resolutions = new Map<number, ConflictResolution>();
      for (const row of receipt.rows) if (row.match?.kind === 'conflict') resolutions.set(row.row, 'keepRegistry');
      const saved = await commitRosterReceipt(getDatabase(), receipt, { side: 'base', resolutions });
      if (!saved.ok) {
        setFailure(saved.error);
        return;
      }
      const ids = saved.value.changedTalentIds;
      announceTalentChanges(ids.length > TALENT_CHANGE_ID_LIMIT ? { reset: true } : { upserted: ids, removed: [] });
      const file = await buildSubmissionFile(receipt, { appVersion: appVersion() });
      const written = await platform.saveFile(file.fileName, file.bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
      if (!written.ok) setFailure(written.error);
      else if (!written.value.canceled) {
        const text = t('bases.prepare.exported', { path: written.value.path, rows: file.meta.rowCount, hash: file.meta.dataSha256.slice(0, 12) });
        setExported(text);
        void message.success(text);
      }
    } finally {
      setBusy(false);
    }
  };

  if (bases && bases.length === 0) return <Alert type="warning" showIcon title={t('bases.prepare.noBase')} data-testid="prepare-no-base" />;

  const exportButton = (
    <Button type="primary" icon={<ExportOutlined />} disabled={!receipt || busy} loading={busy} data-testid="export-submission" onClick={receipt && receipt.counts.invalid > 0 ? undefined : () => void exportSubmission()}>
      {t('bases.prepare.export')}
    </Button>
  );

  return (
    <Flex vertical gap={12} data-testid="prepare-panel">
      {failure && <Alert type="error" showIcon title={t('bases.receipt.failed', { message: errorText(failure) })} closable={{ onClose: () => setFailure(null) }} />}
      {exported && <Alert type="success" showIcon title={exported} data-testid="prepare-exported" />}
      <Descriptions size="small" column={3} bordered layout="vertical">
        <Descriptions.Item label={t('bases.prepare.base')}>
          <Select
            style={{ width: 240 }}
            value={base?.id}
            onChange={(id: string) => {
              setBaseId(id);
              setProgrammeId(bases?.find((candidate) => candidate.id === id)?.programmes[0]?.id ?? '');
            }}
            options={(bases ?? []).map((candidate) => ({ value: candidate.id, label: `${candidate.code} ${candidate.name}` }))}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('bases.receipt.programme')}>
          <Select
            style={{ width: 280 }}
            value={programmeId}
            onChange={setProgrammeId}
            options={[{ value: '', label: t('bases.receipt.noProgramme') }, ...(base?.programmes ?? []).map((programme) => ({ value: programme.id, label: programmeLabel(programme, language === 'en' ? 'en' : 'zh') }))]}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('bases.receipt.batch')}>
          <Input style={{ width: 140 }} value={batchKey} placeholder={t('bases.receipt.batchPlaceholder')} onChange={(event) => setBatchKey(event.target.value)} data-testid="prepare-batch" />
        </Descriptions.Item>
      </Descriptions>
      <Spin spinning={busy}>
        <FileDropZone filters={ROSTER_FILE_FILTERS} onFiles={(files) => void load(files)} onError={setFailure} disabled={busy} hint={parsed ? parsed.fileName : t('bases.prepare.file')} />
      </Spin>
      {receipt && (
        <>
          <Alert
            type={receipt.counts.invalid > 0 ? 'warning' : 'success'}
            showIcon
            data-testid="precheck-summary"
            title={receipt.counts.invalid > 0 ? t('bases.prepare.precheckProblems', { invalid: receipt.counts.invalid, warned: receipt.counts.warned }) : t('bases.prepare.precheckOk', { rows: receipt.counts.rows })}
          />
          <ReceiptRowsTable receipt={receipt} mask={mask} />
        </>
      )}
      <Flex gap={8}>
        {receipt && receipt.counts.invalid > 0 ? (
          <Popconfirm title={t('bases.prepare.exportWithErrors', { invalid: receipt.counts.invalid })} onConfirm={() => void exportSubmission()} okText={t('common.confirm')} cancelText={t('common.cancel')}>
            {exportButton}
          </Popconfirm>
        ) : (
          exportButton
        )}
      </Flex>
    </Flex>
  );
}
