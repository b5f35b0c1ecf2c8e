/**
 * Step 3: which column feeds which field. Matched automatically from the header texts; the clerk
 * changes any of them, and the corrected mapping is remembered for files with the same header.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnOverride } from '../../../shared/excel/headerMapping';
import { importKindSpec, type ImportKind } from '../../../shared/excel/importKinds';
import type { AppError } from '../../../shared/result';
import { DEFAULT_MASK_PATTERN, useSettings } from '../../db';
import { useLanguage, useT } from '../../i18n';
import type { ImportColumn, ImportProgress, ImportSummary } from '../../workers/import.worker';
import { fieldLabel, mappableFields, maskLooksSensitive, type ImportWorker } from './importWorkerClient';

export interface MappingStepProps {
  kind: ImportKind;
  summary: ImportSummary;
  worker: () => ImportWorker;
  onSummary: (summary: ImportSummary) => void;
  onError: (error: AppError) => void;
  onProgress: (progress: ImportProgress | null) => void;
  onBack: () => void;
  onNext: () => void;
}

const SKIP = '__skip__';

export function MappingStep({ kind, summary, worker, onSummary, onError, onProgress, onBack, onNext }: MappingStepProps) {
  const t = useT();
  const { language } = useLanguage();
  const fields = mappableFields(kind);
  const fieldByKey = useMemo(() => new Map(fields.map((field) => [field.key, field])), [fields]);
  const [edited, setEdited] = useState<Map<number, string | null>>(() => new Map());
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const maskPattern = useSettings()?.maskPattern ?? DEFAULT_MASK_PATTERN;

  const current = (column: ImportColumn): string | null => (edited.has(column.column) ? (edited.get(column.column) ?? null) : column.field);
  const assigned = new Set(summary.columns.map(current).filter((key): key is string => key !== null));
  const missing = importKindSpec(kind).headerKeys.filter((key) => !assigned.has(key));

  const apply = async (): Promise<boolean> => {
    if (edited.size === 0) return true;
    // Every column the clerk touched, plus the ones mapped by hand before, become overrides.
    const overrides: ColumnOverride[] = summary.columns
      .filter((column) => edited.has(column.column) || column.how === 'manual')
      .map((column) => ({ column: column.column, field: current(column) }));
    // A field taken by a touched column is released from any other column that had it.
    for (const column of summary.columns) {
      const field = current(column);
      if (field !== null && !edited.has(column.column) && [...edited.values()].includes(field)) overrides.push({ column: column.column, field: null });
    }
    setBusy(true);
    try {
      const result = await worker().call.configure({ overrides, remember }, { onProgress });
      if (!result.ok) {
        onError(result.error);
        return false;
      }
      setEdited(new Map());
      onSummary(result.value);
      return true;
    } finally {
      onProgress(null);
      setBusy(false);
    }
  };

  const howTag = (column: ImportColumn) => {
    if (edited.has(column.column)) return <Tag color="blue">{t('import.mapping.manual')}</Tag>;
    if (column.how === 'exact') return <Tag color="green">{t('import.mapping.exact')}</Tag>;
    if (column.how === 'fuzzy') return <Tag color="gold">{t('import.mapping.fuzzy')}</Tag>;
    if (column.how === 'manual') return <Tag color="blue">{t('import.mapping.manual')}</Tag>;
    if (column.candidates) return <Tag color="orange">{t('import.mapping.ambiguous', { fields: column.candidates.map((key) => fieldLabel(fieldByKey.get(key), language, key)).join(' / ') })}</Tag>;
    return <Tag>{t('import.mapping.none')}</Tag>;
  };

  return (
    <Flex vertical gap={12} data-testid="mapping-step">
      {summary.presetApplied && <Alert type="info" showIcon title={t('import.mapping.presetApplied')} />}
      {missing.length > 0 && (
        <Alert type="error" showIcon title={t('import.mapping.missingRequired', { fields: missing.map((key) => fieldLabel(fieldByKey.get(key), language, key)).join('、') })} />
      )}
      <Table<ImportColumn>
        size="small"
        rowKey="column"
        pagination={false}
        dataSource={summary.columns}
        scroll={{ y: 480 }}
        columns={[
          { key: 'header', title: t('import.mapping.column'), width: 200, render: (_, column) => <Typography.Text strong>{column.header || `#${column.column + 1}`}</Typography.Text> },
          { key: 'samples', title: t('import.mapping.samples'), ellipsis: true, render: (_, column) => <Typography.Text type="secondary">{column.samples.map((sample) => maskLooksSensitive(sample, maskPattern)).join(' · ')}</Typography.Text> },
          {
            key: 'field',
            title: t('import.mapping.field'),
            width: 240,
            render: (_, column) => (
              <Select
                aria-label={`${t('import.mapping.field')} ${column.header}`}
                data-testid={`mapping-${column.column}`}
                style={{ width: '100%' }}
                showSearch
                optionFilterProp="label"
                value={current(column) ?? SKIP}
                onChange={(value: string) => setEdited((previous) => new Map(previous).set(column.column, value === SKIP ? null : value))}
                options={[
                  { value: SKIP, label: t('import.mapping.skip') },
                  ...fields.map((field) => ({ value: field.key, label: `${fieldLabel(field, language)}${field.required ? ' *' : ''}` })),
                ]}
              />
            ),
          },
          { key: 'how', title: t('import.mapping.how'), width: 200, render: (_, column) => howTag(column) },
        ]}
      />
      <Checkbox checked={remember} onChange={(event) => setRemember(event.target.checked)}>
        {t('import.mapping.remember')}
      </Checkbox>
      <Flex gap={8}>
        <Button onClick={onBack}>{t('import.actions.back')}</Button>
        <Button onClick={() => void apply()} disabled={busy || edited.size === 0}>
          {t('import.actions.apply')}
        </Button>
        <Button
          type="primary"
          disabled={busy || missing.length > 0}
          data-testid="mapping-next"
          onClick={() => {
            void apply().then((applied) => {
              if (applied) onNext();
            });
          }}
        >
          {t('import.actions.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
