/** 基地详情: the base's data and programmes, its training by year (trainees, pass rate, certificates, hours) and rosters; export to .xlsx. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { App as AntApp, Button, Descriptions, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { effectiveBaseStatus, programmeLabel } from '../../../shared/bases/trainingBase';
import type { BaseYearSummary } from '../../../shared/bases/history';
import { ROSTER_STATUS_LABELS } from '../../../shared/roster/roster';
import { getBaseHistory } from '../../data/bases';
import type { TrainingBase } from '../../db/types';
import { formatDate, formatDateTime } from '../../components/format';
import { useLanguage, useT } from '../../i18n';
import { usePlatform } from '../../platform';
import { writeBaseHistoryWorkbook } from './historyExport';
import { baseStatusLabel, baseTypeLabel, districtLabel, label, STATUS_COLORS, todayInShanghai } from './labels';

export function BaseDetailDrawer({ base, onClose }: { base: TrainingBase; onClose: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const platform = usePlatform();
  const { message } = AntApp.useApp();
  const history = useLiveQuery(() => getBaseHistory(base.id), [base.id]);
  const [busy, setBusy] = useState(false);
  const status = effectiveBaseStatus(base, todayInShanghai());
  const lang = language === 'en' ? 'en' : 'zh';

  const exportHistory = async () => {
    if (!history) return;
    setBusy(true);
    try {
      const file = await writeBaseHistoryWorkbook(base, history);
      const saved = await platform.saveFile(file.fileName, file.bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
      if (!saved.ok) void message.error(saved.error.message);
      else if (!saved.value.canceled) void message.success(t('bases.detail.exported', { path: saved.value.path }));
    } finally {
      setBusy(false);
    }
  };

  const rows: Array<BaseYearSummary & { key: string }> = history ? [...history.years.map((year) => ({ ...year, key: String(year.year) })), { ...history.total, key: 'total' }] : [];
  return (
    <Drawer open width={900} title={`${t('bases.detail.title')} · ${base.name}`} onClose={onClose} data-testid="base-detail">
      <Flex vertical gap={16}>
        <Descriptions size="small" bordered column={3}>
          <Descriptions.Item label={t('bases.columns.code')}>{base.code}</Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.type')}>{baseTypeLabel(base.type, language)}</Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.status')}>
            <Tag color={STATUS_COLORS[status]}>{baseStatusLabel(status, language)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.creditCode')}>{base.creditCode || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.district')}>{districtLabel(base.district, language) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.address')}>{base.address || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.accreditedOn')}>{formatDate(base.accreditedOn) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.validUntil')}>{formatDate(base.validUntil)}</Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.annualPlan')}>{base.annualPlan}</Descriptions.Item>
          <Descriptions.Item label={t('bases.columns.programmes')} span={3}>
            {base.programmes.map((programme) => (
              <Tag key={programme.id}>{`${programmeLabel(programme, lang)} · ${programme.plannedHours}`}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
        <Flex justify="space-between" align="center">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('bases.detail.history')}
          </Typography.Title>
          <Button icon={<FileExcelOutlined />} loading={busy} disabled={!history} onClick={() => void exportHistory()} data-testid="base-history-export">
            {t('bases.detail.export')}
          </Button>
        </Flex>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          data-testid="base-history"
          locale={{ emptyText: t('bases.detail.noHistory') }}
          columns={[
            { key: 'year', title: t('bases.detail.year'), render: (_: unknown, row) => (row.key === 'total' ? t('bases.detail.total') : row.year || '—') },
            { key: 'rosters', title: t('bases.detail.rosters'), dataIndex: 'rosters' },
            { key: 'trainees', title: t('bases.detail.trainees'), dataIndex: 'trainees' },
            { key: 'enrollments', title: t('bases.detail.enrollments'), dataIndex: 'enrollments' },
            { key: 'passed', title: t('bases.detail.passed'), dataIndex: 'passed' },
            { key: 'passRate', title: t('bases.detail.passRate'), render: (_: unknown, row) => <span data-testid={`pass-rate-${row.key}`}>{`${(row.passRate * 100).toFixed(1)}%`}</span> },
            { key: 'certificates', title: t('bases.detail.certificates'), dataIndex: 'certificates' },
            { key: 'hours', title: t('bases.detail.hours'), dataIndex: 'hours' },
          ]}
        />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('bases.detail.rosterList')}
        </Typography.Title>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={history?.rosters ?? []}
          columns={[
            { key: 'batch', title: t('bases.rosters.columns.batch'), dataIndex: 'batchKey' },
            { key: 'period', title: t('bases.rosters.columns.period'), render: (_: unknown, roster) => `${formatDate(roster.periodStart)} ~ ${formatDate(roster.periodEnd)}` },
            { key: 'status', title: t('bases.rosters.columns.status'), render: (_: unknown, roster) => label(ROSTER_STATUS_LABELS[roster.status], language) },
            { key: 'counts', title: t('bases.rosters.columns.counts'), render: (_: unknown, roster) => `${roster.counts.accepted} / ${roster.counts.rejected}` },
            { key: 'submittedAt', title: t('bases.rosters.columns.submittedAt'), render: (_: unknown, roster) => formatDateTime(roster.submittedAt) },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
