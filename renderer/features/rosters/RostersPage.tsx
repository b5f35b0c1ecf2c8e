/**
 * 花名册: the rosters list for both desks; 人社局 receives roster files (and returns rows), 培训基地
 * prepares, pre-checks and exports its submission files.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Table, Tabs, Tag, Typography } from 'antd';
import { listRosters } from '../../data/rosters';
import { DEFAULT_MASK_PATTERN } from '../../db/settings';
import type { Roster } from '../../db/types';
import { useSettings } from '../../db/useSettings';
import { formatDate, formatDateTime } from '../../components/format';
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { getDatabase } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { PreparePanel } from './PreparePanel';
import { ReceivePanel } from './ReceivePanel';
import { RosterDetailDrawer } from './RosterDetailDrawer';
import { rosterStatusLabel, ROSTER_STATUS_COLORS } from './shared';

export function RostersPage() {
  const t = useT();
  const { language } = useLanguage();
  const settings = useSettings();
  const rosters = useLiveQuery(() => listRosters(), []);
  // A roster belongs to a base: with none registered (and no rosters yet) point the clerk there first.
  const baseCount = useLiveQuery(() => getDatabase().trainingBases.count(), []);
  const [openRoster, setOpenRoster] = useState<string | null>(null);
  const [tab, setTab] = useState<string>('work');
  const role = settings?.role ?? 'bureau';
  const mask = settings?.maskPattern ?? DEFAULT_MASK_PATTERN;

  const list = (
    <Table<Roster>
      size="middle"
      rowKey="id"
      dataSource={rosters ?? []}
      loading={rosters === undefined}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="rosters-table"
      locale={{ emptyText: t('bases.rosters.empty') }}
      onRow={(roster) => ({ onClick: () => setOpenRoster(roster.id), style: { cursor: 'pointer' } })}
      columns={[
        { key: 'base', title: t('bases.rosters.columns.base'), render: (_: unknown, roster) => `${roster.baseCode} ${roster.baseName}` },
        { key: 'batch', title: t('bases.rosters.columns.batch'), dataIndex: 'batchKey' },
        { key: 'programme', title: t('bases.rosters.columns.programme'), render: (_: unknown, roster) => [roster.occupation, roster.workType].filter(Boolean).join('/') },
        { key: 'period', title: t('bases.rosters.columns.period'), render: (_: unknown, roster) => `${formatDate(roster.periodStart)} ~ ${formatDate(roster.periodEnd)}` },
        { key: 'counts', title: t('bases.rosters.columns.counts'), render: (_: unknown, roster) => `${roster.counts.accepted} / ${roster.counts.rejected}` },
        {
          key: 'status',
          title: t('bases.rosters.columns.status'),
          render: (_: unknown, roster) => <Tag color={ROSTER_STATUS_COLORS[roster.status]}>{rosterStatusLabel(roster.status, language)}</Tag>,
        },
        { key: 'submissions', title: t('bases.rosters.columns.submissions'), dataIndex: 'submissions' },
        { key: 'submittedAt', title: t('bases.rosters.columns.submittedAt'), render: (_: unknown, roster) => formatDateTime(roster.submittedAt) },
        { key: 'operator', title: t('bases.rosters.columns.operator'), dataIndex: 'operator' },
      ]}
    />
  );

  if (baseCount === 0 && rosters !== undefined && rosters.length === 0) {
    return (
      <SectionPage title={t('sections.rosters.title')}>
        <SectionEmpty title={t('sections.rosters.emptyTitle')} description={t('sections.rosters.emptyDescription')} action={{ label: t('sections.rosters.action'), to: '/bases' }} />
      </SectionPage>
    );
  }

  return (
    <SectionPage title={t('sections.rosters.title')}>
      <Typography.Paragraph type="secondary">{role === 'base' ? t('bases.rosters.baseHint') : t('bases.rosters.bureauHint')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="rosters-tabs"
        items={[
          {
            key: 'work',
            label: role === 'base' ? t('bases.rosters.prepare') : t('bases.rosters.receive'),
            children: role === 'base' ? <PreparePanel mask={mask} /> : <ReceivePanel mask={mask} onOpenRoster={setOpenRoster} />,
          },
          { key: 'list', label: `${t('bases.rosters.listTitle')} (${rosters?.length ?? 0})`, children: list },
        ]}
      />
      {openRoster && <RosterDetailDrawer rosterId={openRoster} mask={mask} canReview={role === 'bureau'} onClose={() => setOpenRoster(null)} />}
    </SectionPage>
  );
}
