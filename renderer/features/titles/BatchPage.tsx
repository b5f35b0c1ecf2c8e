/** One review batch: committee, its applications, committee results from Excel, 评审结果 export, 公示名单. */
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Modal, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import { readCommitteeResults, writeReviewResults } from '../../../shared/certification';
import { readWorkbook } from '../../../shared/excel/readWorkbook';
import { todayYmd } from '../../../shared/dates/ymd';
import { SectionPage } from '../../components/SectionPage';
import { applyCommitteeResults, assignToReviewBatch, listApplications, matchCommitteeResults, type CommitteeMatch } from '../../data/applications';
import { getDatabase, useSettings, type CertificationApplication } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { usePlatform } from '../../platform';
import { levelLabel, statusColor, statusLabel } from './labels';

export function BatchPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const platform = usePlatform();
  const settings = useSettings();
  const batch = useLiveQuery(() => getDatabase().reviewBatches.get(id), [id]);
  const applications = useLiveQuery(() => listApplications({ reviewBatchId: id }), [id]);
  const [matches, setMatches] = useState<CommitteeMatch[] | null>(null);
  const fraction = settings?.committeePassFraction ?? { numerator: 2, denominator: 3 };

  async function assign() {
    const ready = await listApplications({ status: 'formalPassed' });
    const result = await assignToReviewBatch(ready.filter((application) => application.reviewBatchId === '').map((application) => application.id), id);
    if (result.ok) void message.success(t('titles.batches.assigned', { count: result.value.assigned }));
    else void message.error(result.error.message);
  }

  async function importResults() {
    const opened = await platform.openFile({ filters: [{ name: 'Excel', extensions: ['xlsx', 'xls', 'csv'] }] });
    if (!opened.ok) return void message.error(opened.error.message);
    if (opened.value.canceled) return;
    const grid = await readWorkbook(opened.value.bytes, opened.value.name);
    if (!grid.ok) return void message.error(grid.error.message);
    const read = readCommitteeResults(grid.value, fraction);
    if (!read.ok) return void message.error(read.error.message);
    for (const problem of read.value.problems) void message.warning(`第 ${problem.row} 行：${problem.message}`);
    setMatches(await matchCommitteeResults(id, read.value.rows));
  }

  async function exportResults() {
    const rows = [...(applications ?? [])].sort((a, b) => a.documentNumber.localeCompare(b.documentNumber));
    const bytes = await writeReviewResults(rows, `${batch?.name ?? ''}评审结果`, { unmasked: false });
    const saved = await platform.saveFile(`${batch?.name ?? '评审'}评审结果-${todayYmd()}.xlsx`, bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
    if (!saved.ok) void message.error(saved.error.message);
  }

  if (batch === undefined) return <SectionPage title={t('nav.titles')}>{null}</SectionPage>;
  return (
    <SectionPage
      title={batch.name}
      extra={
        <Space>
          <Link to={`/titles/batches/${id}/publicity`} data-testid="batch-publicity-link">
            {t('titles.batches.printPublicity')}
          </Link>
          <Link to="/titles?tab=batches">{t('titles.detail.back')}</Link>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label={t('titles.batches.committee')}>{batch.committeeName}</Descriptions.Item>
          <Descriptions.Item label={t('titles.batches.meetingDate')}>{batch.meetingDate}</Descriptions.Item>
          <Descriptions.Item label={t('titles.batches.members')} span={2}>
            {batch.membersPresent.join('、')}
          </Descriptions.Item>
        </Descriptions>
        <Flex gap={8} wrap align="center">
          <Button onClick={() => void assign()} data-testid="batch-assign">
            {t('titles.batches.assign')}
          </Button>
          <Button onClick={() => void importResults()} data-testid="batch-import-results">
            {t('titles.batches.importResults')}
          </Button>
          <Button onClick={() => void exportResults()} disabled={(applications ?? []).length === 0}>
            {t('titles.batches.exportResults')}
          </Button>
          <Typography.Text type="secondary">{t('titles.batches.passRule', { numerator: fraction.numerator, denominator: fraction.denominator })}</Typography.Text>
        </Flex>
        <Table<CertificationApplication>
          size="small"
          rowKey="id"
          dataSource={applications ?? []}
          pagination={false}
          data-testid="batch-applications"
          columns={[
            { title: t('titles.columns.documentNumber'), dataIndex: 'documentNumber', width: 130 },
            { title: t('titles.columns.name'), key: 'name', render: (_value, application) => <Link to={`/titles/${application.id}`}>{application.snapshot.name}</Link> },
            { title: t('titles.columns.level'), key: 'level', render: (_value, application) => levelLabel(application.level, language) },
            { title: t('titles.columns.status'), key: 'status', render: (_value, application) => <Tag color={statusColor(application.status)}>{statusLabel(application.status, language)}</Tag> },
            { title: t('titles.columns.votes'), key: 'votes', render: (_value, application) => (application.committeeVote ? t('titles.batches.votes', { for: application.committeeVote.votesFor, total: application.committeeVote.votesTotal }) : '') },
          ]}
        />
      </Flex>
      <Modal
        open={matches !== null}
        width={760}
        title={t('titles.batches.importPreview')}
        okText={t('titles.batches.applyResults')}
        onCancel={() => setMatches(null)}
        onOk={async () => {
          if (matches === null) return;
          const result = await applyCommitteeResults(id, matches);
          setMatches(null);
          if (result.ok) void message.success(t('titles.batches.applied', result.value));
          else void message.error(result.error.message);
        }}
      >
        <Table<CommitteeMatch>
          size="small"
          rowKey={(match) => String(match.row.row)}
          dataSource={matches ?? []}
          pagination={false}
          scroll={{ y: 360 }}
          data-testid="committee-preview"
          columns={[
            { title: t('titles.columns.documentNumber'), key: 'number', render: (_value, match) => match.row.documentNumber },
            { title: t('titles.columns.name'), dataIndex: 'name' },
            { title: t('titles.columns.votes'), key: 'votes', render: (_value, match) => t('titles.batches.votes', { for: match.row.votesFor, total: match.row.votesTotal }) },
            {
              title: t('titles.columns.status'),
              key: 'result',
              render: (_value, match) =>
                match.problem !== '' ? (
                  <Typography.Text type="danger">{match.problem}</Typography.Text>
                ) : (
                  <Space>
                    <Tag color={match.row.passedByVotes ? 'green' : 'red'}>{statusLabel(match.row.passedByVotes ? 'reviewPassed' : 'reviewFailed', language)}</Tag>
                    {match.row.conflict && <Alert type="warning" title={t('titles.batches.conflict')} />}
                  </Space>
                ),
            },
          ]}
        />
      </Modal>
    </SectionPage>
  );
}
