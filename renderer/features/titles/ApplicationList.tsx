/** The application list: state, next step and deadline at a glance; filters; bulk transitions; 汇总表 export. */
import { useMemo, useState } from 'react';
import { App, Button, Empty, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import { APPLICATION_STATUSES, APPLICATION_TRANSITIONS, appliedLevelOptions, nextStep, writeApplicationSummary, type ApplicationStatus } from '../../../shared/certification';
import { maskIdNumber } from '../../../shared/identity/mask';
import { todayYmd } from '../../../shared/dates/ymd';
import { createDemoApplications, listApplications, type ApplicationFilter } from '../../data/applications';
import { useSettings, type CertificationApplication } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { usePlatform } from '../../platform';
import { levelLabel, statusColor, statusLabel } from './labels';
import { NewApplicationModal } from './NewApplicationModal';
import { TransitionModal } from './TransitionModal';

/** The deadline text of an application, and whether it is overdue. */
export function useDeadline(): (application: CertificationApplication) => { text: string; overdue: boolean } | null {
  const t = useT();
  const today = todayYmd();
  return (application) => {
    if (application.status === 'publicity' && application.publicity) {
      const overdue = application.publicity.endsOn < today;
      return { text: t(overdue ? 'titles.deadline.overdue' : 'titles.deadline.publicityEnds', { date: application.publicity.endsOn }), overdue };
    }
    if (application.status === 'unitApproved' && application.unitPublicity) {
      return { text: t('titles.deadline.unitPublicity', { start: application.unitPublicity.startsOn, end: application.unitPublicity.endsOn }), overdue: false };
    }
    return null;
  };
}

export function ApplicationList() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const settings = useSettings();
  const platform = usePlatform();
  const deadlineOf = useDeadline();
  const [filter, setFilter] = useState<ApplicationFilter>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState<ApplicationStatus | null>(null);
  const [moving, setMoving] = useState<ApplicationStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const applications = useLiveQuery(() => listApplications(filter), [filter]);
  const mask = settings?.maskPattern;
  // A filter that matches nothing is not an empty register: say so, or the clerk thinks the applications are gone.
  const filtered = filter.status !== undefined || filter.level !== undefined || (filter.text ?? '').trim() !== '';
  const [emptyTitle, emptyHint] = filtered ? (['titles.list.noMatch', 'titles.list.noMatchHint'] as const) : (['titles.list.empty', 'titles.list.emptyHint'] as const);
  const statusOptions = [{ value: 'all', label: t('titles.list.allStatuses') }, { value: 'open', label: t('titles.list.openOnly') }, ...APPLICATION_STATUSES.map((status) => ({ value: status, label: statusLabel(status, language) }))];

  const selectedRows = useMemo(() => (applications ?? []).filter((application) => selected.includes(application.id)), [applications, selected]);
  // States every selected application may move to.
  const targets = useMemo(() => {
    if (selectedRows.length === 0) return [];
    return APPLICATION_STATUSES.filter((status) => selectedRows.every((application) => APPLICATION_TRANSITIONS[application.status].includes(status)));
  }, [selectedRows]);

  async function exportSummary() {
    const rows = [...(applications ?? [])].sort((a, b) => a.documentNumber.localeCompare(b.documentNumber));
    const bytes = await writeApplicationSummary(rows, `${filter.year ?? ''}职称申报人员汇总表`, { unmasked: false, ...(mask ? { idMask: { keepStart: mask.idNumberKeepStart, keepEnd: mask.idNumberKeepEnd } } : {}) }, settings?.titleRules);
    const saved = await platform.saveFile(`职称申报人员汇总表-${todayYmd()}.xlsx`, bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (!saved.ok) void message.error(saved.error.message);
  }

  async function demo() {
    const result = await createDemoApplications(12);
    if (!result.ok) return void message.warning(t('titles.list.demoNeedsTalents'));
    void message.success(t('titles.list.demoDone', { count: result.value.created }));
  }

  const lang = language === 'en' ? 'en' : 'zh';
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Input.Search allowClear placeholder={t('titles.list.search')} style={{ width: 300 }} onSearch={(text) => setFilter((current) => ({ ...current, text }))} data-testid="titles-search" />
        <Select
          style={{ width: 160 }}
          value={filter.status ?? 'all'}
          onChange={(value: string) => setFilter((current) => ({ ...current, status: value === 'all' ? undefined : (value as ApplicationStatus | 'open') }))}
          options={statusOptions}
          data-testid="titles-status-filter"
          virtual={false}
          // Every choice at once (32 px each, plus the list's padding), without a scrolling list.
          listHeight={statusOptions.length * 32 + 8}
        />
        <Select
          style={{ width: 160 }}
          value={filter.level ?? 'all'}
          onChange={(value: string) => setFilter((current) => ({ ...current, level: value === 'all' ? undefined : (value as CertificationApplication['level']) }))}
          options={[{ value: 'all', label: t('titles.list.allLevels') }, ...appliedLevelOptions.map((option) => ({ value: option.value, label: option[lang] }))]}
        />
        <div style={{ flex: 1 }} />
        <Button onClick={() => void demo()} data-testid="titles-demo">
          {t('titles.list.demo')}
        </Button>
        <Button onClick={() => void exportSummary()} disabled={(applications ?? []).length === 0} data-testid="titles-export-summary">
          {t('titles.list.exportSummary')}
        </Button>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('titles.list.create')}
        </Button>
      </Flex>
      <Flex gap={8} align="center" data-testid="titles-bulk-bar">
        <Typography.Text type="secondary">{selected.length > 0 ? t('titles.list.selected', { count: selected.length }) : t('titles.list.count', { count: applications?.length ?? 0 })}</Typography.Text>
        {selected.length > 0 && (
          <>
            <Select
              style={{ width: 200 }}
              placeholder={t('titles.list.moveTo')}
              value={target}
              onChange={(value: ApplicationStatus) => setTarget(value)}
              options={targets.map((status) => ({ value: status, label: statusLabel(status, language) }))}
              data-testid="titles-bulk-target"
              virtual={false}
            />
            <Button type="primary" disabled={target === null} onClick={() => setMoving(target)} data-testid="titles-bulk-apply">
              {t('titles.list.apply')}
            </Button>
          </>
        )}
      </Flex>
      <Table<CertificationApplication>
        size="small"
        rowKey="id"
        dataSource={applications ?? []}
        loading={applications === undefined}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<><div>{t(emptyTitle)}</div><Typography.Text type="secondary">{t(emptyHint)}</Typography.Text></>} /> }}
        data-testid="titles-table"
        columns={[
          { title: t('titles.columns.documentNumber'), dataIndex: 'documentNumber', width: 120 },
          { title: t('titles.columns.name'), key: 'name', width: 100, render: (_value, application) => <Link to={`/titles/${application.id}`}>{application.snapshot.name}</Link> },
          { title: t('titles.columns.idNumber'), key: 'id', width: 190, render: (_value, application) => maskIdNumber(application.snapshot.idNumber, mask ? { keepStart: mask.idNumberKeepStart, keepEnd: mask.idNumberKeepEnd } : undefined) },
          { title: t('titles.columns.employer'), key: 'employer', ellipsis: true, render: (_value, application) => application.snapshot.employer },
          { title: t('titles.columns.level'), key: 'level', width: 120, render: (_value, application) => levelLabel(application.level, language) },
          { title: t('titles.columns.status'), key: 'status', width: 130, render: (_value, application) => <Tag color={statusColor(application.status)}>{statusLabel(application.status, language)}</Tag> },
          {
            title: t('titles.columns.nextStep'),
            key: 'next',
            width: 130,
            render: (_value, application) => {
              const next = nextStep(application.status);
              return next ? <Typography.Text type="secondary">→ {statusLabel(next, language)}</Typography.Text> : '—';
            },
          },
          {
            title: t('titles.columns.deadline'),
            key: 'deadline',
            width: 220,
            render: (_value, application) => {
              const deadline = deadlineOf(application);
              return deadline ? <Typography.Text type={deadline.overdue ? 'danger' : undefined}>{deadline.text}</Typography.Text> : null;
            },
          },
        ]}
      />
      <NewApplicationModal open={creating} onClose={() => setCreating(false)} />
      {moving && (
        <TransitionModal
          applications={selectedRows}
          to={moving}
          onClose={(done) => {
            setMoving(null);
            if (done) {
              setSelected([]);
              setTarget(null);
            }
          }}
        />
      )}
      <Space />
    </Flex>
  );
}
