/** Step 2: the data sheet and its header row (found automatically; the clerk can change both). */
import { useState } from 'react';
import { Button, Flex, InputNumber, Select, Table, Typography } from 'antd';
import type { AppError } from '../../../shared/result';
import { DEFAULT_MASK_PATTERN, useSettings } from '../../db';
import { useT } from '../../i18n';
import type { ImportProgress, ImportSummary } from '../../workers/import.worker';
import { maskLooksSensitive, type ImportWorker } from './importWorkerClient';

export interface SheetStepProps {
  summary: ImportSummary;
  worker: () => ImportWorker;
  onSummary: (summary: ImportSummary) => void;
  onError: (error: AppError) => void;
  onProgress: (progress: ImportProgress | null) => void;
  onBack: () => void;
  onNext: () => void;
}

interface TopRow {
  key: number;
  cells: string[];
}

export function SheetStep({ summary, worker, onSummary, onError, onProgress, onBack, onNext }: SheetStepProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const maskPattern = useSettings()?.maskPattern ?? DEFAULT_MASK_PATTERN;

  const configure = async (input: { sheet?: string; headerRow?: number }) => {
    setBusy(true);
    try {
      const result = await worker().call.configure(input, { onProgress });
      if (result.ok) onSummary(result.value);
      else onError(result.error);
    } finally {
      onProgress(null);
      setBusy(false);
    }
  };

  const width = Math.max(0, ...summary.topRows.map((row) => row.length));
  const rows: TopRow[] = summary.topRows.map((cells, index) => ({ key: index + 1, cells }));
  const columns = [
    { key: 'row', title: t('import.sheet.rowNumber'), width: 56, render: (_: unknown, row: TopRow) => row.key },
    ...Array.from({ length: width }, (_, column) => ({
      key: `c${column}`,
      title: String.fromCharCode(65 + (column % 26)) + (column >= 26 ? String(Math.floor(column / 26)) : ''),
      ellipsis: true,
      width: 120,
      render: (_: unknown, row: TopRow) => maskLooksSensitive(row.cells[column] ?? '', maskPattern),
    })),
  ];

  return (
    <Flex vertical gap={12} data-testid="sheet-step">
      <Flex gap={16} wrap align="center">
        <label>
          {t('import.sheet.sheet')}{' '}
          <Select
            aria-label={t('import.sheet.sheet')}
            style={{ minWidth: 200 }}
            value={summary.sheet}
            disabled={busy}
            onChange={(sheet: string) => void configure({ sheet })}
            options={summary.sheets.map((sheet) => ({
              value: sheet.name,
              label: `${sheet.name}${sheet.hidden ? t('import.sheet.hidden') : ''} · ${t('import.sheet.rows', { count: sheet.rows })}`,
            }))}
          />
        </label>
        <label>
          {t('import.sheet.headerRow')}{' '}
          <InputNumber
            aria-label={t('import.sheet.headerRow')}
            min={1}
            max={100}
            value={summary.headerRow}
            disabled={busy}
            onChange={(value) => {
              if (typeof value === 'number' && value !== summary.headerRow) void configure({ headerRow: value });
            }}
          />
        </label>
        <Typography.Text type="secondary">{t('import.file.loaded', { file: summary.fileName, format: summary.format.toUpperCase(), rows: summary.rows })}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary">{t('import.sheet.headerHint')}</Typography.Text>
      <Table<TopRow>
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content', y: 360 }}
        dataSource={rows}
        columns={columns}
        rowClassName={(row) => (row.key === summary.headerRow ? 'import-header-row' : '')}
        onRow={(row) => ({
          onClick: () => {
            if (!busy && row.key !== summary.headerRow) void configure({ headerRow: row.key });
          },
          style: row.key === summary.headerRow ? { background: '#e6f4ff', fontWeight: 600, cursor: 'pointer' } : { cursor: 'pointer' },
        })}
      />
      <Flex gap={8}>
        <Button onClick={onBack}>{t('import.actions.back')}</Button>
        <Button type="primary" onClick={onNext} disabled={busy} data-testid="sheet-next">
          {t('import.actions.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
