/**
 * 工作台: the programme against its targets at a glance — talents and bases against the plan, the
 * year-end trend, distribution by district and category (each chart also as a table, savable as
 * PNG), the title pipeline, bases needing attention and 公示 ending this week.
 */
import { Card, Col, Empty, List, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { effectiveBaseStatus } from '../../../shared/bases/trainingBase';
import { APPLICATION_STATUSES, applicationStatusLabels, type ApplicationStatus } from '../../../shared/certification/stateMachine';
import { todayYmd } from '../../../shared/dates/ymd';
import { DEFAULT_REPORT_TARGETS, type HeadcountReport } from '../../../shared/report';
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { countApplicationsByStatus, listPublicityDeadlines } from '../../data/applications';
import { listBasesNeedingAttention } from '../../data/bases';
import { getAnnualReport, getHeadcountTrend, readReportSettings } from '../../data/reports';
import { getDatabase } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { ChartCard, type ChartTableRow } from './ChartCard';

/** First year of the trend (the programme's registry starts in 2019). */
const TREND_FROM = 2019;

async function countTalents() {
  const db = getDatabase();
  // Index-only counts (the `status` index of schema v2): no record is loaded.
  const [total, active] = await Promise.all([db.talents.count(), db.talents.where('status').equals('active').count()]);
  return { total, active };
}

async function activeBases(today: string): Promise<number> {
  const bases = await getDatabase().trainingBases.toArray();
  return bases.filter((base) => effectiveBaseStatus(base, today) === 'active').length;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

interface DashboardFigures {
  year: number;
  report: HeadcountReport;
  trend: Array<{ year: number; total: number }>;
}

export function DashboardPage() {
  const t = useT();
  const { language } = useLanguage();
  const today = todayYmd();
  const year = Number(today.slice(0, 4));
  const counts = useLiveQuery(countTalents, []);
  const settings = useLiveQuery(() => readReportSettings(), []);
  const targets = settings?.targets ?? DEFAULT_REPORT_TARGETS;
  const basesActive = useLiveQuery(() => activeBases(today), [today]);
  const pipeline = useLiveQuery(() => countApplicationsByStatus(), []);
  const basesAttention = useLiveQuery(() => listBasesNeedingAttention(today), [today]);
  const publicity = useLiveQuery(() => listPublicityDeadlines(today), [today]);
  const [figures, setFigures] = useState<DashboardFigures | null>(null);

  // Recomputed when the registry's size changes (the worker follows every change itself). The counts
  // query answers with a new object after every write: depend on its numbers, not on the object.
  const total = counts?.total;
  const active = counts?.active;
  useEffect(() => {
    if (!total) return;
    let live = true;
    const years = Array.from({ length: year - TREND_FROM + 1 }, (_, index) => TREND_FROM + index);
    void Promise.all([getAnnualReport(year, targets), getHeadcountTrend(years)]).then(([computed, trend]) => {
      if (live) setFigures({ year, report: computed.report.headcount, trend });
    });
    return () => {
      live = false;
    };
    // `active` is not read in the effect: a status change alone still changes the report.
  }, [total, active, year, targets]);

  const label = (member: { zh: string; en: string }) => (language === 'en' ? member.en : member.zh);

  const charts = useMemo(() => {
    if (!figures) return null;
    const count = t('reports.dashboard.count');
    const trendRows: ChartTableRow[] = figures.trend.map((point) => ({ key: String(point.year), label: String(point.year), values: { total: point.total } }));
    const districtRows = figures.report.breakdowns.find((breakdown) => breakdown.id === 'district')!.rows.filter((row) => row.count > 0);
    const categoryRows = figures.report.breakdowns.find((breakdown) => breakdown.id === 'category')!.rows.filter((row) => row.count > 0);
    return {
      trend: {
        rows: trendRows,
        option: {
          tooltip: { trigger: 'axis' },
          grid: { left: 60, right: 20, top: 20, bottom: 30 },
          xAxis: { type: 'category', data: figures.trend.map((point) => String(point.year)) },
          yAxis: { type: 'value' },
          series: [
            { name: count, type: 'bar', data: figures.trend.map((point) => point.total), itemStyle: { color: '#91caff' }, label: { show: true, position: 'top' } },
            { name: count, type: 'line', data: figures.trend.map((point) => point.total), itemStyle: { color: '#1677ff' } },
          ],
        },
      },
      district: {
        rows: districtRows.map((row) => ({ key: row.code || 'unknown', label: label(row), values: { count: row.count, share: percent(row.count / figures.report.total) } })),
        option: {
          tooltip: { trigger: 'axis' },
          grid: { left: 90, right: 40, top: 10, bottom: 20 },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', inverse: true, data: districtRows.map((row) => label(row)), axisLabel: { interval: 0 } },
          series: [{ name: count, type: 'bar', data: districtRows.map((row) => row.count), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
        },
      },
      category: {
        rows: categoryRows.map((row) => ({ key: row.code, label: label(row), values: { count: row.count, share: percent(row.count / figures.report.total) } })),
        option: {
          tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
          series: [
            {
              name: count,
              type: 'pie',
              radius: ['28%', '52%'],
              center: ['50%', '50%'],
              data: categoryRows.map((row) => ({ name: label(row), value: row.count })),
              // Labels aligned to the card's edges: long category names (算法研发工程师) are never cut off.
              label: { formatter: '{b}\n{c}（{d}%）', alignTo: 'edge', edgeDistance: 8, minMargin: 4, lineHeight: 15 },
              labelLine: { length: 10, length2: 0, maxSurfaceAngle: 80 },
              labelLayout: { hideOverlap: false },
            },
          ],
        },
      },
    };
  }, [figures, t, language]); // eslint-disable-line react-hooks/exhaustive-deps

  if (counts === undefined) return <SectionPage title={t('sections.dashboard.title')}>{null}</SectionPage>;
  if (counts.total === 0) {
    return (
      <SectionPage title={t('sections.dashboard.title')}>
        <SectionEmpty title={t('sections.dashboard.emptyTitle')} description={t('sections.dashboard.emptyDescription')} action={{ label: t('sections.dashboard.action'), to: '/talents' }} />
      </SectionPage>
    );
  }

  const pipelineRows = APPLICATION_STATUSES.filter((status) => (pipeline?.[status] ?? 0) > 0).map((status: ApplicationStatus) => ({
    key: status,
    label: label(applicationStatusLabels[status]),
    values: { count: pipeline?.[status] ?? 0 },
  }));

  return (
    <SectionPage title={t('sections.dashboard.title')} extra={<Link to="/reports">{t('reports.dashboard.openReport')}</Link>}>
      <Row gutter={[16, 16]} data-testid="dashboard">
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('sections.dashboard.total')} value={counts.total} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('reports.dashboard.inRegistry')} value={counts.active} />
            <Progress percent={Math.min(100, Math.round((counts.active / Math.max(1, targets.talents)) * 1000) / 10)} size="small" />
            <Typography.Text type="secondary">{t('reports.dashboard.ofTarget', { target: targets.talents.toLocaleString(), percent: percent(counts.active / Math.max(1, targets.talents)) })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('reports.dashboard.basesActive')} value={basesActive ?? 0} suffix={`/ ${targets.bases}`} />
            <Progress percent={Math.min(100, Math.round(((basesActive ?? 0) / Math.max(1, targets.bases)) * 100))} size="small" />
            <Typography.Text type="secondary">{t('reports.dashboard.basesTarget', { target: targets.bases })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('reports.dashboard.seniorHolders')} value={figures?.report.titles.seniorHoldersInRegistry ?? 0} />
          </Card>
        </Col>
        {charts ? (
          <>
            <Col span={24}>
              <ChartCard
                testId="chart-trend"
                title={t('reports.dashboard.trend')}
                option={charts.trend.option}
                labelHeader={t('reports.dashboard.year')}
                valueColumns={[{ key: 'total', title: t('reports.dashboard.count') }]}
                rows={charts.trend.rows}
                fileName={`历年在库人数_${year}`}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                testId="chart-district"
                title={t('reports.dashboard.byDistrict', { year })}
                option={charts.district.option}
                labelHeader={t('reports.columns.district')}
                valueColumns={[
                  { key: 'count', title: t('reports.columns.count') },
                  { key: 'share', title: t('reports.columns.share') },
                ]}
                rows={charts.district.rows}
                fileName={`按区分布_${year}`}
                height={420}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                testId="chart-category"
                title={t('reports.dashboard.byCategory', { year })}
                option={charts.category.option}
                labelHeader={t('reports.columns.category')}
                valueColumns={[
                  { key: 'count', title: t('reports.columns.count') },
                  { key: 'share', title: t('reports.columns.share') },
                ]}
                rows={charts.category.rows}
                fileName={`按人才类别分布_${year}`}
                height={420}
              />
            </Col>
          </>
        ) : null}
        <Col xs={24} lg={8}>
          {pipelineRows.length === 0 ? (
            <Card size="small" title={t('reports.dashboard.pipeline')} data-testid="chart-pipeline">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.dashboard.none')} />
            </Card>
          ) : (
          <ChartCard
            testId="chart-pipeline"
            title={t('reports.dashboard.pipeline')}
            option={{
              tooltip: { trigger: 'axis' },
              grid: { left: 100, right: 30, top: 10, bottom: 20 },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', inverse: true, data: pipelineRows.map((row) => row.label) },
              series: [{ type: 'bar', data: pipelineRows.map((row) => row.values.count), itemStyle: { color: '#52c41a' }, label: { show: true, position: 'right' } }],
            }}
            labelHeader={t('reports.dashboard.status')}
            valueColumns={[{ key: 'count', title: t('reports.dashboard.applications') }]}
            rows={pipelineRows}
            fileName="职称申报进度"
            height={260}
          />
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('reports.dashboard.basesExpiring')} data-testid="bases-attention">
            {basesAttention && basesAttention.length > 0 ? (
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={basesAttention}
                columns={[
                  { title: t('reports.dashboard.name'), dataIndex: 'name', key: 'name' },
                  { title: t('reports.dashboard.validUntil'), dataIndex: 'validUntil', key: 'validUntil' },
                  {
                    title: t('reports.dashboard.status'),
                    key: 'state',
                    render: (_: unknown, base) => (base.state === 'expired' ? <Tag color="red">{t('reports.dashboard.expired')}</Tag> : <Tag color="orange">{t('reports.dashboard.expiringSoon')}</Tag>),
                  },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.dashboard.none')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('reports.dashboard.publicity')} data-testid="publicity-deadlines">
            {publicity && publicity.length > 0 ? (
              <List
                size="small"
                dataSource={publicity}
                renderItem={(item) => (
                  <List.Item key={item.applicationId} extra={item.overdue ? <Tag color="red">{t('reports.dashboard.overdue')}</Tag> : <Tag color="blue">{t('reports.dashboard.due')}</Tag>}>
                    {item.talentName} · {t('reports.dashboard.endsOn')} {item.endsOn}
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.dashboard.none')} />
            )}
          </Card>
        </Col>
      </Row>
    </SectionPage>
  );
}
