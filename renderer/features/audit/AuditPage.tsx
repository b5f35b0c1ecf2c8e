/**
 * 操作日志: every write and every reveal of personal data, newest first, filterable by operator, action,
 * entity, date range and note text, exportable as CSV. Read-only: nothing here edits or deletes an
 * entry (only the retention rule, configured here, removes old entries — and logs that it did).
 * Values are shown for settings changes only; for records the changed field names are listed, because
 * values may hold ID numbers or phones that must stay masked (the export follows the same rule).
 */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateTime } from '../../components/format';
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { readAuditRetentionYears, setAuditRetentionYears } from '../../data/backups';
import { getDatabase, type AuditAction, type AuditEntity, type AuditEntry, type FieldChange } from '../../db';
import { useT, type TranslateFunction } from '../../i18n';
import { usePlatform } from '../../platform';
import { allMatchingEntries, auditCsv, EMPTY_AUDIT_FILTER, queryAudit, type AuditFilter } from './auditQuery';

const ACTIONS: readonly AuditAction[] = ['create', 'update', 'delete', 'import', 'reveal', 'restore', 'settings'];
const ENTITIES: readonly AuditEntity[] = ['talent', 'certificationApplication', 'trainingBase', 'roster', 'enrollment', 'settings', 'backup'];
const RETENTION_CHOICES = [0, 1, 3, 5, 10, 30];

function settingLabel(field: string, t: TranslateFunction): string {
  switch (field) {
    case 'operatorName':
      return t('settings.operatorName');
    case 'role':
      return t('settings.role');
    case 'language':
      return t('settings.languageSection');
    case 'auditRetentionYears':
      return t('backup.audit.retention');
    default:
      return field;
  }
}

function settingValue(field: string, value: unknown, t: TranslateFunction): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'role' && (value === 'bureau' || value === 'base')) return t(`role.${value}`);
  if (field === 'language' && (value === 'zh-CN' || value === 'en')) return t(value === 'en' ? 'language.en' : 'language.zhCN');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeChanges(entry: AuditEntry, t: TranslateFunction): string {
  if (entry.entity === 'settings') {
    return entry.changes
      .map((change: FieldChange) => `${settingLabel(change.field, t)}: ${settingValue(change.field, change.before, t)} → ${settingValue(change.field, change.after, t)}`)
      .join('；');
  }
  return entry.changes.map((change) => change.field).join('、');
}

function RetentionControl() {
  const t = useT();
  const years = useLiveQuery(() => readAuditRetentionYears(getDatabase()), []);
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>{t('backup.audit.retention')}:</Typography.Text>
      <Select<number>
        size="small"
        style={{ width: 170 }}
        value={years ?? 0}
        data-testid="audit-retention"
        onChange={(value) => void setAuditRetentionYears(getDatabase(), value)}
        options={RETENTION_CHOICES.map((value) => ({ value, label: value === 0 ? t('backup.audit.retentionAll') : t('backup.audit.retentionYears', { years: value }) }))}
      />
      <Typography.Text type="secondary">{t('backup.audit.retentionNote')}</Typography.Text>
    </Flex>
  );
}

export function AuditPage() {
  const t = useT();
  const { message } = App.useApp();
  const platform = usePlatform();
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const [exporting, setExporting] = useState(false);
  const audit = useLiveQuery(() => queryAudit(getDatabase(), filter), [filter]);
  const filtered = filter !== EMPTY_AUDIT_FILTER;

  const exportLog = async () => {
    setExporting(true);
    try {
      const entries = await allMatchingEntries(getDatabase(), filter);
      const header = ['#', t('sections.audit.columns.at'), t('sections.audit.columns.operator'), t('sections.audit.columns.action'), t('sections.audit.columns.entity'), t('backup.audit.entityId'), t('sections.audit.columns.changes'), t('sections.audit.columns.note')];
      const bytes = auditCsv(
        header,
        entries.map((entry) => ({
          id: entry.id,
          at: formatDateTime(entry.at),
          operator: entry.operator,
          action: t(`sections.audit.actions.${entry.action}`),
          entity: t(`sections.audit.entities.${entry.entity}`),
          entityId: entry.entityId,
          changes: describeChanges(entry, t),
          note: entry.note,
        })),
      );
      const name = `操作日志-${dayjs().format('YYYYMMDD-HHmmss')}.csv`;
      const saved = await platform.saveFile(name, bytes, [{ name: 'CSV', extensions: ['csv'] }]);
      if (saved.ok && !saved.value.canceled) void message.success(t('backup.audit.exported', { count: entries.length, name: saved.value.path }));
      else if (!saved.ok) void message.error(saved.error.message);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('sections.audit.columns.at'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
    { key: 'operator', title: t('sections.audit.columns.operator'), dataIndex: 'operator', width: 120 },
    {
      key: 'action',
      title: t('sections.audit.columns.action'),
      dataIndex: 'action',
      width: 130,
      render: (action: AuditEntry['action']) => <Tag>{t(`sections.audit.actions.${action}`)}</Tag>,
    },
    {
      key: 'entity',
      title: t('sections.audit.columns.entity'),
      dataIndex: 'entity',
      width: 120,
      render: (entity: AuditEntry['entity']) => t(`sections.audit.entities.${entity}`),
    },
    { key: 'changes', title: t('sections.audit.columns.changes'), render: (_, entry) => describeChanges(entry, t) },
    { key: 'note', title: t('sections.audit.columns.note'), dataIndex: 'note', width: 320 },
  ];

  const update = (patch: Partial<AuditFilter>) => setFilter((current) => ({ ...current, ...patch }));

  return (
    <SectionPage
      title={t('sections.audit.title')}
      extra={
        <Flex gap={8} align="center">
          {audit && audit.total > 0 ? <Typography.Text type="secondary">{t('sections.audit.count', { count: audit.total })}</Typography.Text> : null}
          <Button onClick={() => void exportLog()} loading={exporting} disabled={!audit || audit.matching === 0} data-testid="audit-export">
            {t('backup.audit.export')}
          </Button>
        </Flex>
      }
    >
      {audit === undefined ? null : audit.total === 0 ? (
        <SectionEmpty title={t('sections.audit.emptyTitle')} description={t('sections.audit.emptyDescription')} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center" data-testid="audit-filters">
            <Select<string[]>
              mode="multiple"
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('backup.audit.operator')}
              value={[...filter.operators]}
              onChange={(operators) => update({ operators })}
              options={audit.operators.map((operator) => ({ value: operator, label: operator }))}
              data-testid="audit-filter-operator"
            />
            <Select<AuditAction[]>
              mode="multiple"
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('backup.audit.action')}
              value={[...filter.actions]}
              onChange={(actions) => update({ actions })}
              options={ACTIONS.map((action) => ({ value: action, label: t(`sections.audit.actions.${action}`) }))}
              data-testid="audit-filter-action"
            />
            <Select<AuditEntity[]>
              mode="multiple"
              allowClear
              style={{ minWidth: 160 }}
              placeholder={t('backup.audit.entity')}
              value={[...filter.entities]}
              onChange={(entities) => update({ entities })}
              options={ENTITIES.map((entity) => ({ value: entity, label: t(`sections.audit.entities.${entity}`) }))}
              data-testid="audit-filter-entity"
            />
            <DatePicker.RangePicker
              value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
              onChange={(range) => {
                const [from, to] = range ?? [];
                update(from && to ? { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') } : { from: undefined, to: undefined });
              }}
              data-testid="audit-filter-dates"
            />
            <Input.Search allowClear style={{ width: 220 }} placeholder={t('backup.audit.search')} onSearch={(text) => update({ text })} data-testid="audit-filter-text" />
            {filtered && (
              <Button onClick={() => setFilter(EMPTY_AUDIT_FILTER)} data-testid="audit-filter-clear">
                {t('backup.audit.clear')}
              </Button>
            )}
            {filtered && <Typography.Text type="secondary" data-testid="audit-matching">{t('backup.audit.matching', { count: audit.matching })}</Typography.Text>}
          </Flex>
          <Table<AuditEntry>
            data-testid="audit-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={audit.entries}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ x: 1100 }}
          />
          <Flex justify="space-between" wrap gap={8}>
            <RetentionControl />
            <Alert type="info" showIcon title={t('backup.audit.readOnly')} style={{ padding: '2px 8px' }} />
          </Flex>
        </Flex>
      )}
    </SectionPage>
  );
}
