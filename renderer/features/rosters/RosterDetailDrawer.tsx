/** 花名册详情: the roster's data and rows; the bureau returns it with a reason and the annotated error workbook. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, RollbackOutlined } from '@ant-design/icons';
import { buildErrorReport } from '../../data/exports';
import { listRosterEnrollments, returnRoster, rosterErrorReportInput } from '../../data/rosters';
import { getDatabase } from '../../db/db';
import type { Enrollment, MaskPattern } from '../../db/types';
import { formatDate, formatDateTime } from '../../components/format';
import { useLanguage, useT } from '../../i18n';
import { usePlatform } from '../../platform';
import { maskId, resultLabel, rosterStatusLabel, ROSTER_STATUS_COLORS } from './shared';

export function RosterDetailDrawer({ rosterId, mask, canReview, onClose }: { rosterId: string; mask: MaskPattern; canReview: boolean; onClose: () => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = AntApp.useApp();
  const platform = usePlatform();
  const roster = useLiveQuery(() => getDatabase().rosters.get(rosterId), [rosterId]);
  const enrollments = useLiveQuery(() => listRosterEnrollments(rosterId), [rosterId]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rejected = (enrollments ?? []).filter((enrollment) => enrollment.decision === 'rejected').length;

  const saveErrorReport = async (): Promise<string | null> => {
    const input = await rosterErrorReportInput(getDatabase(), rosterId);
    if (!input.ok) {
      setFailure(input.error.message);
      return null;
    }
    const file = await buildErrorReport(input.value);
    const saved = await platform.saveFile(file.fileName, file.bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (!saved.ok) {
      setFailure(saved.error.message);
      return null;
    }
    return saved.value.canceled ? null : saved.value.path;
  };

  const confirmReturn = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await returnRoster(getDatabase(), rosterId, reason);
      if (!result.ok) {
        setFailure(language === 'en' && result.error.messageEn ? result.error.messageEn : result.error.message);
        return;
      }
      setReturning(false);
      const path = await saveErrorReport();
      if (path) void message.success(t('bases.rosters.returned', { path }));
    } finally {
      setBusy(false);
    }
  };

  const downloadReport = async () => {
    setBusy(true);
    try {
      const path = await saveErrorReport();
      if (path) void message.success(t('bases.rosters.errorReportSaved', { path }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width={1200} title={`${t('bases.rosters.detail')}${roster ? ` · ${roster.name}` : ''}`} onClose={onClose} data-testid="roster-detail">
      {roster && (
        <Flex vertical gap={12}>
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label={t('bases.rosters.columns.base')}>{`${roster.baseCode} ${roster.baseName}`}</Descriptions.Item>
            <Descriptions.Item label={t('bases.rosters.columns.batch')}>{roster.batchKey}</Descriptions.Item>
            <Descriptions.Item label={t('bases.rosters.columns.status')}>
              <Tag color={ROSTER_STATUS_COLORS[roster.status]} data-testid="roster-status">
                {rosterStatusLabel(roster.status, language)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('bases.rosters.columns.programme')}>{[roster.occupation, roster.workType].filter(Boolean).join('/')}</Descriptions.Item>
            <Descriptions.Item label={t('bases.rosters.columns.period')}>{`${formatDate(roster.periodStart)} ~ ${formatDate(roster.periodEnd)}`}</Descriptions.Item>
            <Descriptions.Item label={t('bases.rosters.columns.counts')}>
              <span data-testid="roster-counts">{`${roster.counts.accepted} / ${roster.counts.rejected}（${roster.counts.total}）`}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('bases.rosters.columns.submittedAt')}>{formatDateTime(roster.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('bases.rosters.columns.submissions')}>{roster.submissions}</Descriptions.Item>
            <Descriptions.Item label={t('bases.rosters.columns.operator')}>{roster.operator}</Descriptions.Item>
            {roster.returnReason && (
              <Descriptions.Item label={t('bases.rosters.returnReason')} span={3}>
                {roster.returnReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {canReview && (
            <Flex gap={8}>
              <Button danger icon={<RollbackOutlined />} disabled={roster.status === 'returned' || rejected === 0} onClick={() => setReturning(true)} data-testid="roster-return">
                {t('bases.rosters.returnAction')}
              </Button>
              <Button icon={<FileExcelOutlined />} disabled={rejected === 0} loading={busy} onClick={() => void downloadReport()} data-testid="roster-error-report">
                {t('bases.rosters.errorReport')}
              </Button>
            </Flex>
          )}
          {failure && <Alert type="error" showIcon title={failure} />}
          <Table<Enrollment>
            size="small"
            rowKey="id"
            dataSource={enrollments ?? []}
            loading={enrollments === undefined}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1400 }}
            data-testid="roster-enrollments"
            columns={[
              { key: 'row', title: t('bases.enrollment.row'), dataIndex: 'sourceRow', width: 60 },
              { key: 'name', title: t('bases.enrollment.name'), dataIndex: 'name', width: 90 },
              { key: 'id', title: t('bases.enrollment.idNumber'), width: 180, render: (_: unknown, row) => maskId(row.idNumber, mask) },
              { key: 'level', title: t('bases.enrollment.level'), dataIndex: 'level', width: 60 },
              { key: 'hours', title: t('bases.enrollment.hours'), dataIndex: 'hours', width: 60 },
              { key: 'attendance', title: t('bases.enrollment.attendance'), dataIndex: 'attendance', width: 70 },
              { key: 'theory', title: t('bases.enrollment.theory'), dataIndex: 'theoryScore', width: 60 },
              { key: 'practical', title: t('bases.enrollment.practical'), dataIndex: 'practicalScore', width: 60 },
              { key: 'result', title: t('bases.enrollment.result'), width: 80, render: (_: unknown, row) => resultLabel(row.result, language) },
              { key: 'certificate', title: t('bases.enrollment.certificate'), dataIndex: 'certificateNumber', width: 200 },
              {
                key: 'decision',
                title: t('bases.enrollment.decision'),
                width: 80,
                render: (_: unknown, row) => <Tag color={row.decision === 'accepted' ? 'green' : row.decision === 'rejected' ? 'red' : 'blue'}>{t(`bases.enrollment.${row.decision}`)}</Tag>,
              },
              {
                key: 'reasons',
                title: t('bases.enrollment.reasons'),
                width: 300,
                render: (_: unknown, row) => (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {row.rejectReasons.join('；')}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Flex>
      )}
      <Modal
        open={returning}
        title={t('bases.rosters.returnAction')}
        onCancel={() => setReturning(false)}
        onOk={() => void confirmReturn()}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: busy, id: 'roster-return-confirm' }}
        okText={t('bases.rosters.returnAction')}
        cancelText={t('common.cancel')}
      >
        <Input.TextArea rows={3} value={reason} placeholder={t('bases.rosters.returnReasonPlaceholder')} onChange={(event) => setReason(event.target.value)} data-testid="roster-return-reason" />
      </Modal>
    </Drawer>
  );
}
