/**
 * 操作日志: the newest entries of the audit log. Values are shown for settings changes only; for
 * records the changed field names are listed, because values may hold ID numbers or phones that must
 * stay masked (the full history view with masking comes with the audit issue).
 */
import { Table, Tag, Typography, type TableProps } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatDateTime } from '../../components/format';
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { getDatabase, type AuditEntry, type FieldChange } from '../../db';
import { useT, type TranslateFunction } from '../../i18n';

/** How many entries the page loads; the log grows without bound. */
const PAGE_LIMIT = 500;

async function loadAudit() {
  const db = getDatabase();
  const [total, entries] = await Promise.all([db.auditLog.count(), db.auditLog.orderBy('id').reverse().limit(PAGE_LIMIT).toArray()]);
  return { total, entries };
}

function settingLabel(field: string, t: TranslateFunction): string {
  switch (field) {
    case 'operatorName':
      return t('settings.operatorName');
    case 'role':
      return t('settings.role');
    case 'language':
      return t('settings.languageSection');
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

export function AuditPage() {
  const t = useT();
  const audit = useLiveQuery(loadAudit, []);

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
    { key: 'note', title: t('sections.audit.columns.note'), dataIndex: 'note', width: 200 },
  ];

  return (
    <SectionPage
      title={t('sections.audit.title')}
      extra={audit && audit.total > 0 ? <Typography.Text type="secondary">{t('sections.audit.count', { count: audit.total })}</Typography.Text> : null}
    >
      {audit === undefined ? null : audit.total === 0 ? (
        <SectionEmpty title={t('sections.audit.emptyTitle')} description={t('sections.audit.emptyDescription')} />
      ) : (
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.entries}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: 900 }}
        />
      )}
    </SectionPage>
  );
}
