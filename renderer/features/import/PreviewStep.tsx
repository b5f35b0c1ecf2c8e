/**
 * Step 4: every row as read, in a virtualised grid (hundreds of thousands of rows; the worker hands
 * out pages of the rows in view). Cells with errors are red with their messages in a tooltip,
 * warnings amber; "only rows with problems" filters; a click on a cell edits it in place and the
 * worker validates that row again.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Flex, Input, Modal, Space, Switch, Tag, Tooltip, Typography, theme } from 'antd';
import { importKindSpec, type ImportKind } from '../../../shared/excel/importKinds';
import type { FieldDef } from '../../../shared/fields/fieldTypes';
import type { RowErrorCode, RowWarningCode } from '../../../shared/validation/issues';
import { DEFAULT_MASK_PATTERN, useSettings } from '../../db';
import { useLanguage, useT } from '../../i18n';
import type { ImportSummary, PreviewRow } from '../../workers/import.worker';
import { fieldLabel, maskCell, type ImportWorker } from './importWorkerClient';
import { ErrorReportButton } from './ErrorReportButton';

export interface PreviewStepProps {
  kind: ImportKind;
  summary: ImportSummary;
  /** Changes when the sheet, header or mapping changed: cached pages are stale. */
  version: number;
  worker: () => ImportWorker;
  onSummary: (summary: ImportSummary) => void;
  onBack: () => void;
  onNext: () => void;
}

/** The codes a row can have (file-level codes never reach the preview). */
type RowIssueCode = RowErrorCode | RowWarningCode;

const PAGE = 200;
const ROW_HEIGHT = 34;
const ROW_NUMBER_WIDTH = 72;
const PROBLEMS_WIDTH = 420;

interface Editing {
  row: number;
  field: FieldDef;
  text: string;
}

export function PreviewStep({ kind, summary, version, worker, onSummary, onBack, onNext }: PreviewStepProps) {
  const t = useT();
  const { language } = useLanguage();
  const { token } = theme.useToken();
  const settings = useSettings();
  const maskPattern = settings?.maskPattern ?? DEFAULT_MASK_PATTERN;
  const [onlyProblems, setOnlyProblems] = useState(summary.invalid + summary.warned > 0 && summary.rows > 1000);
  const [total, setTotal] = useState<number | null>(null);
  const [, setTick] = useState(0);
  const pages = useRef(new Map<number, PreviewRow[] | 'loading'>());
  const generation = useRef(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);

  const fields = useMemo(() => {
    const mapped = new Set(summary.columns.map((column) => column.field).filter((key): key is string => key !== null));
    return importKindSpec(kind).fields.filter((field) => mapped.has(field.key));
  }, [kind, summary.columns]);
  const widths = fields.map((field) => Math.max(90, (field.width ?? 12) * 9));
  const gridWidth = ROW_NUMBER_WIDTH + widths.reduce((sum, width) => sum + width, 0) + PROBLEMS_WIDTH;

  const loadPage = useCallback(
    (page: number) => {
      if (pages.current.has(page)) return;
      pages.current.set(page, 'loading');
      const current = generation.current;
      void worker()
        .call.getRows({ offset: page * PAGE, limit: PAGE, onlyProblems })
        .then((result) => {
          if (current !== generation.current) return;
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setTick((tick) => tick + 1);
        });
    },
    [onlyProblems, worker],
  );

  const refresh = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    setTotal(null);
    setTick((tick) => tick + 1);
  }, []);

  useEffect(() => {
    refresh();
  }, [onlyProblems, version, refresh]);

  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    if (total === null) {
      loadPage(0);
      return;
    }
    const first = items[0]?.index ?? 0;
    const last = items[items.length - 1]?.index ?? 0;
    for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page += 1) loadPage(page);
  });

  const rowAt = (index: number): PreviewRow | undefined => {
    const page = pages.current.get(Math.floor(index / PAGE));
    return page === undefined || page === 'loading' ? undefined : page[index % PAGE];
  };

  const save = async () => {
    if (!editing) return;
    setSaving(true);
    try {
      const result = await worker().call.editCell({ row: editing.row, field: editing.field.key, text: editing.text });
      if (!result.ok) return;
      onSummary(result.value.summary);
      if (onlyProblems) refresh();
      else {
        const changed = new Map(result.value.changed.map((row) => [row.row, row]));
        for (const [page, rows] of pages.current) {
          if (rows !== 'loading') pages.current.set(page, rows.map((row) => changed.get(row.row) ?? row));
        }
        setTick((tick) => tick + 1);
      }
      setEditing(null);
    } finally {
      setSaving(false);
    }
  };

  const message = (issue: PreviewRow['issues'][number]) => (language === 'en' ? issue.messageEn : issue.message);

  const cell = (row: PreviewRow, field: FieldDef, width: number) => {
    const issues = row.issues.filter((issue) => issue.field === field.key);
    const error = issues.some((issue) => issue.severity === 'error');
    const text = row.cells[field.key] ?? '';
    const shown = issues.length > 0 ? text : maskCell(field, text, maskPattern);
    const content = (
      <div
        role="gridcell"
        data-testid={`cell-${row.row}-${field.key}`}
        data-error={error ? 'true' : undefined}
        onClick={() => setEditing({ row: row.row, field, text })}
        style={{
          width,
          flex: 'none',
          padding: '0 8px',
          lineHeight: `${ROW_HEIGHT - 1}px`,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          cursor: 'text',
          borderRight: `1px solid ${token.colorBorderSecondary}`,
          background: error ? token.colorErrorBg : issues.length > 0 ? token.colorWarningBg : undefined,
          color: error ? token.colorErrorText : undefined,
        }}
      >
        {shown}
      </div>
    );
    return issues.length > 0 ? (
      <Tooltip key={field.key} title={issues.map(message).join('\n')}>
        {content}
      </Tooltip>
    ) : (
      <div key={field.key} style={{ display: 'contents' }}>
        {content}
      </div>
    );
  };

  return (
    <Flex vertical gap={12} data-testid="preview-step">
      <Alert
        type={summary.invalid > 0 ? 'warning' : 'success'}
        showIcon
        data-testid="preview-summary"
        title={t('import.preview.summary', { rows: summary.rows, valid: summary.valid, invalid: summary.invalid, warned: summary.warned })}
        description={
          summary.issueCounts.length > 0 && (
            <Space wrap size={4}>
              {summary.issueCounts.map((entry) => (
                <Tooltip key={entry.code} title={entry.code}>
                  <Tag>
                    {t(`import.issues.${entry.code as RowIssueCode}`)} × {entry.count}
                  </Tag>
                </Tooltip>
              ))}
            </Space>
          )
        }
      />
      <Flex gap={12} align="center" wrap>
        <label>
          <Switch checked={onlyProblems} onChange={setOnlyProblems} data-testid="only-problems" /> {t('import.preview.onlyProblems')}
        </label>
        <ErrorReportButton worker={worker} disabled={summary.invalid === 0} />
      </Flex>
      <div ref={scrollRef} role="grid" aria-rowcount={total ?? 0} data-testid="preview-grid" style={{ height: 480, overflow: 'auto', border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadius }}>
        <div style={{ width: gridWidth, position: 'sticky', top: 0, zIndex: 2, display: 'flex', background: token.colorFillAlter, borderBottom: `1px solid ${token.colorBorder}`, fontWeight: 600 }}>
          <div style={{ width: ROW_NUMBER_WIDTH, flex: 'none', padding: '6px 8px' }}>{t('import.preview.rowNumber')}</div>
          <div style={{ width: PROBLEMS_WIDTH, flex: 'none', padding: '6px 8px' }}>{t('import.preview.problems')}</div>
          {fields.map((field, index) => (
            <div key={field.key} style={{ width: widths[index], flex: 'none', padding: '6px 8px', overflow: 'hidden', whiteSpace: 'nowrap' }}>
              {fieldLabel(field, language)}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), width: gridWidth, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                data-testid={row ? `preview-row-${row.row}` : undefined}
                style={{ position: 'absolute', top: 0, left: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, display: 'flex', borderBottom: `1px solid ${token.colorBorderSecondary}`, width: gridWidth }}
              >
                {row ? (
                  <>
                    <div style={{ width: ROW_NUMBER_WIDTH, flex: 'none', padding: '0 8px', lineHeight: `${ROW_HEIGHT - 1}px`, color: token.colorTextSecondary }}>{row.row}</div>
                    <div style={{ width: PROBLEMS_WIDTH, flex: 'none', padding: '0 8px', lineHeight: `${ROW_HEIGHT - 1}px`, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={row.issues.map(message).join('\n')}>
                      {row.issues.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : <Typography.Text type={row.valid ? 'warning' : 'danger'}>{row.issues.map(message).join('；')}</Typography.Text>}
                    </div>
                    {fields.map((field, index) => cell(row, field, widths[index] ?? 120))}
                  </>
                ) : (
                  <div style={{ padding: '0 8px', lineHeight: `${ROW_HEIGHT - 1}px`, color: token.colorTextTertiary }}>{t('import.preview.loadingRows')}</div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <Flex gap={8}>
        <Button onClick={onBack}>{t('import.actions.back')}</Button>
        <Button type="primary" onClick={onNext} disabled={summary.valid === 0} data-testid="preview-next">
          {t('import.actions.next')}
        </Button>
      </Flex>
      <Modal
        open={editing !== null}
        title={editing ? t('import.preview.editTitle', { row: editing.row, field: fieldLabel(editing.field, language) }) : ''}
        okText={t('import.preview.editSave')}
        cancelText={t('import.actions.cancel')}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Flex vertical gap={8}>
          <label htmlFor="import-edit-cell">{t('import.preview.editLabel')}</label>
          <Input
            id="import-edit-cell"
            autoFocus
            value={editing?.text ?? ''}
            onChange={(event) => setEditing((previous) => (previous ? { ...previous, text: event.target.value } : previous))}
            onPressEnter={() => void save()}
          />
          <Typography.Text type="secondary">{t('import.preview.editHint')}</Typography.Text>
        </Flex>
      </Modal>
    </Flex>
  );
}
