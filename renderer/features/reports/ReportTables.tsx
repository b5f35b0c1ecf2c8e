/** The report's tables (Ant Design, each with a 合计 row): breakdowns, cross table, flows, titles, bases and training. */
import { Card, Col, Row, Table, Typography } from 'antd';
import type { AnnualReport, Breakdown, BreakdownRow } from '../../../shared/report';
import { useLanguage, useT } from '../../i18n';

/** A share as `12.3%` (— when there is nothing to share). */
export function formatShare(count: number, total: number): string {
  return total === 0 ? '—' : `${((count / total) * 100).toFixed(1)}%`;
}

function useLabel(): (member: { zh: string; en: string }) => string {
  const { language } = useLanguage();
  return (member) => (language === 'en' ? member.en : member.zh);
}

function Bold({ children }: { children: React.ReactNode }) {
  return <Typography.Text strong>{children}</Typography.Text>;
}

/** One dimension: member, 人数, 占比, and 合计. */
export function BreakdownTable({ title, rows, total, header, testId }: { title: string; rows: BreakdownRow[]; total: number; header: string; testId?: string }) {
  const t = useT();
  const label = useLabel();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<BreakdownRow>
        size="small"
        pagination={false}
        rowKey={(row) => row.code || 'unknown'}
        dataSource={rows}
        columns={[
          { title: header, key: 'label', render: (_, row) => label(row) },
          { title: t('reports.columns.count'), dataIndex: 'count', key: 'count', align: 'right', render: (value: number) => value.toLocaleString() },
          { title: t('reports.columns.share'), key: 'share', align: 'right', render: (_, row) => formatShare(row.count, total) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Bold>{t('reports.columns.total')}</Bold>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Bold>{total.toLocaleString()}</Bold>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Bold>{total === 0 ? '—' : '100.0%'}</Bold>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

export function ReportTables({ report, fiveYearBands }: { report: AnnualReport; fiveYearBands: boolean }) {
  const t = useT();
  const label = useLabel();
  const { headcount, training } = report;
  const breakdowns: Breakdown[] = headcount.breakdowns.filter((breakdown) => breakdown.id !== 'ageBand5' || fiveYearBands);
  const { cross } = headcount;
  const crossRows = cross.rows.map((row, index) => ({ key: row.code || 'unknown', row, counts: cross.counts[index] ?? [] }));
  const columnTotals = cross.columns.map((_, column) => cross.counts.reduce((sum, counts) => sum + (counts[column] ?? 0), 0));
  const number = (value: number) => value.toLocaleString();
  const assessedOther = training.trainees - training.passed - training.failed - training.absent;
  return (
    <>
      <Typography.Title level={5}>{t('reports.parts.breakdowns')}</Typography.Title>
      <Row gutter={[12, 12]}>
        {breakdowns.map((breakdown) => (
          <Col key={breakdown.id} xs={24} md={12} xl={8}>
            <BreakdownTable testId={`breakdown-${breakdown.id}`} title={label(breakdown)} header={label(breakdown)} rows={breakdown.rows} total={breakdown.total} />
          </Col>
        ))}
      </Row>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('reports.parts.cross')}
      </Typography.Title>
      <Table
        data-testid="cross-table"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={crossRows}
        columns={[
          { title: t('reports.columns.district'), key: 'district', fixed: 'left', render: (_, item) => label(item.row) },
          ...cross.columns.map((column, index) => ({
            title: label(column),
            key: column.code,
            align: 'right' as const,
            render: (_: unknown, item: (typeof crossRows)[number]) => number(item.counts[index] ?? 0),
          })),
          { title: t('reports.columns.total'), key: 'total', align: 'right', render: (_, item) => <Bold>{number(item.counts.reduce((sum, value) => sum + value, 0))}</Bold> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Bold>{t('reports.columns.total')}</Bold>
            </Table.Summary.Cell>
            {columnTotals.map((value, index) => (
              <Table.Summary.Cell key={index} index={index + 1} align="right">
                <Bold>{number(value)}</Bold>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={columnTotals.length + 1} align="right">
              <Bold>{number(headcount.total)}</Bold>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />

      <Row gutter={[12, 12]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('reports.parts.flows')} data-testid="flows-table">
            <Table
              size="small"
              pagination={false}
              rowKey="code"
              dataSource={headcount.flows}
              columns={[
                { title: t('reports.columns.category'), key: 'label', render: (_, row) => label(row) },
                { title: t('reports.columns.start'), dataIndex: 'start', key: 'start', align: 'right', render: number },
                { title: t('reports.columns.added'), dataIndex: 'added', key: 'added', align: 'right', render: number },
                { title: t('reports.columns.left'), dataIndex: 'left', key: 'left', align: 'right', render: number },
                { title: t('reports.columns.end'), dataIndex: 'end', key: 'end', align: 'right', render: number },
                { title: t('reports.columns.net'), dataIndex: 'net', key: 'net', align: 'right', render: (value: number) => (value > 0 ? `+${number(value)}` : number(value)) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Bold>{t('reports.columns.total')}</Bold>
                  </Table.Summary.Cell>
                  {(['start', 'added', 'left', 'end', 'net'] as const).map((key, index) => (
                    <Table.Summary.Cell key={key} index={index + 1} align="right">
                      <Bold>{number(headcount.flowTotal[key])}</Bold>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <BreakdownTable
            testId="titles-granted"
            title={`${t('reports.parts.titles')} · ${t('reports.columns.granted')}`}
            header={t('reports.columns.level')}
            rows={headcount.titles.grantedInYear}
            total={headcount.titles.grantedInYearTotal}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t('reports.titles.seniorHolders', { count: number(headcount.titles.seniorHolders), inRegistry: number(headcount.titles.seniorHoldersInRegistry) })}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <BreakdownTable testId="bases-type" title={`${t('reports.parts.bases')} · ${t('reports.columns.type')}`} header={t('reports.columns.type')} rows={training.basesByType} total={training.basesTotal} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <BreakdownTable testId="bases-status" title={`${t('reports.parts.bases')} · ${t('reports.columns.status')}`} header={t('reports.columns.status')} rows={training.basesByStatus} total={training.basesTotal} />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <BreakdownTable
            testId="training"
            title={t('reports.parts.training')}
            header={t('reports.columns.result')}
            rows={[
              { code: 'passed', zh: '合格', en: 'Passed', count: training.passed },
              { code: 'failed', zh: '不合格', en: 'Failed', count: training.failed },
              { code: 'absent', zh: '缺考', en: 'Absent', count: training.absent },
              ...(assessedOther > 0 ? [{ code: 'none', zh: '未录入结果', en: 'No result', count: assessedOther }] : []),
            ]}
            total={training.trainees}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t('reports.training.summary', {
              trainees: number(training.trainees),
              rate: training.passRate === null ? '—' : `${(training.passRate * 100).toFixed(1)}%`,
              hours: number(training.hours),
            })}
          </Typography.Paragraph>
        </Col>
      </Row>
    </>
  );
}
