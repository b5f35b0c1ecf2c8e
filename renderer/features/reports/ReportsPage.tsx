/**
 * 统计报表: the annual headcount report of a chosen year (tables with 合计 rows, definitions), Excel
 * export, print / PDF, and snapshots — freeze a year's figures and compare them with a recomputation.
 */
import { App as AntApp, Button, Descriptions, Flex, Input, Modal, Select, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { CameraOutlined, DiffOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { REPORT_DEFINITIONS, REPORT_TITLE, type FigureDifference } from '../../../shared/report';
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { compareWithSnapshot, exportAnnualReport, freezeReportSnapshot, getAnnualReport, listReportSnapshots, prepareReports, readReportSettings, type ComputedReport, type SnapshotComparison } from '../../data/reports';
import { useTalentCount } from '../../db';
import type { ReportSnapshot } from '../../db/types';
import { useLanguage, useT } from '../../i18n';
import { PrintSheet, usePlatform, usePrintToPdf } from '../../platform';
import { ReportTables } from './ReportTables';

const FIRST_YEAR = 2019;

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function signed(value: number): string {
  return value > 0 ? `+${value.toLocaleString()}` : value.toLocaleString();
}

export function ReportsPage() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = AntApp.useApp();
  const platform = usePlatform();
  const { printing, print } = usePrintToPdf();
  const count = useTalentCount();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const [fiveYearBands, setFiveYearBands] = useState(false);
  const [loading, setLoading] = useState<{ loaded: number; total: number } | null>(null);
  const [computed, setComputed] = useState<ComputedReport | null>(null);
  const [exporting, setExporting] = useState(false);
  const [freezeOpen, setFreezeOpen] = useState(false);
  const [freezeNote, setFreezeNote] = useState('');
  const [comparison, setComparison] = useState<SnapshotComparison | null>(null);
  const snapshots = useLiveQuery(() => listReportSnapshots(year), [year]);
  const settings = useLiveQuery(() => readReportSettings(), []);

  useEffect(() => {
    if (!count) return;
    let live = true;
    setComputed(null);
    void (async () => {
      await prepareReports((progress) => live && setLoading(progress));
      const result = await getAnnualReport(year);
      if (!live) return;
      setLoading(null);
      setComputed(result);
    })().catch((error: unknown) => {
      if (live) void message.error(t('reports.failed', { message: error instanceof Error ? error.message : String(error) }));
    });
    return () => {
      live = false;
    };
  }, [year, count, message, t]);

  if (count === undefined) return <SectionPage title={t('sections.reports.title')}>{null}</SectionPage>;
  if (count === 0) {
    return (
      <SectionPage title={t('sections.reports.title')}>
        <SectionEmpty title={t('sections.reports.emptyTitle')} description={t('sections.reports.emptyDescription')} action={{ label: t('sections.reports.action'), to: '/talents' }} />
      </SectionPage>
    );
  }

  const label = (member: { zh: string; en: string }) => (language === 'en' ? member.en : member.zh);

  async function exportWorkbook() {
    setExporting(true);
    try {
      const file = await exportAnnualReport(year, { fiveYearBands });
      const saved = await platform.saveFile(file.fileName, file.bytes, [{ name: 'Excel', extensions: ['xlsx'] }]);
      if (!saved.ok) void message.error(saved.error.message);
      else if (!saved.value.canceled) void message.success(t('reports.exported', { name: saved.value.path }));
    } catch (error) {
      void message.error(t('reports.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setExporting(false);
    }
  }

  async function freeze() {
    const frozen = await freezeReportSnapshot(year, { note: freezeNote });
    if (!frozen.ok) {
      void message.error(frozen.error.message);
      return;
    }
    setFreezeOpen(false);
    setFreezeNote('');
    void message.success(t('reports.frozen', { year }));
  }

  async function compare(snapshot: ReportSnapshot) {
    setComparison(await compareWithSnapshot(snapshot));
  }

  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => thisYear - index);
  const headcount = computed?.report.headcount;

  return (
    <SectionPage title={t('sections.reports.title')}>
      <Flex gap={8} wrap align="center" className="tl-no-print" style={{ marginBottom: 12 }}>
        <span>{t('reports.year')}</span>
        <Select
          aria-label={t('reports.year')}
          data-testid="report-year"
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={years.map((value) => ({ value, label: t('reports.yearOption', { year: value }) }))}
        />
        <Switch checked={fiveYearBands} onChange={setFiveYearBands} /> <span>{t('reports.fiveYear')}</span>
        <Button type="primary" icon={<FileExcelOutlined />} loading={exporting} disabled={!computed} onClick={() => void exportWorkbook()}>
          {t('reports.export')}
        </Button>
        <Button icon={<CameraOutlined />} disabled={!computed} onClick={() => setFreezeOpen(true)}>
          {t('reports.freeze')}
        </Button>
        <Button icon={<PrinterOutlined />} loading={printing} disabled={!computed} onClick={() => void print({ suggestedName: `人工智能人才年度统计_${year}`, landscape: true })}>
          {t('reports.print')}
        </Button>
        {computed ? <Typography.Text type="secondary">{t('reports.computedIn', { ms: Math.max(1, Math.round(computed.ms)), count: computed.talents.toLocaleString() })}</Typography.Text> : null}
      </Flex>

      {!computed || !headcount ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin tip={loading ? t('reports.loading', { loaded: loading.loaded.toLocaleString(), total: loading.total.toLocaleString() }) : undefined}>
            <div style={{ width: 200, height: 40 }} />
          </Spin>
        </Flex>
      ) : (
        <PrintSheet landscape testId="report-sheet">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {year}年 {REPORT_TITLE}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t('reports.asOf', { date: headcount.asOf, previous: headcount.previousAsOf })}
            {settings?.unit ? ` · ${settings.unit}` : ''}
          </Typography.Paragraph>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="report-summary">
            <Descriptions.Item label={t('reports.summary.total')}>{headcount.total.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('reports.summary.previous')}>{headcount.previousTotal.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('reports.summary.change')}>{signed(headcount.change)}</Descriptions.Item>
            <Descriptions.Item label={t('reports.summary.rate')}>{percent(headcount.changeRate)}</Descriptions.Item>
            <Descriptions.Item label={t('reports.summary.target')}>{headcount.target.toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('reports.summary.progress')}>{percent(headcount.progress)}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 16 }}>
            <ReportTables report={computed.report} fiveYearBands={fiveYearBands} />
          </div>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('reports.definitions')}
          </Typography.Title>
          <ol data-testid="report-definitions" style={{ paddingLeft: 20 }}>
            {REPORT_DEFINITIONS.map((definition, index) => (
              <li key={index}>
                <Typography.Text>{label(definition)}</Typography.Text>
              </li>
            ))}
          </ol>
        </PrintSheet>
      )}

      <div className="tl-no-print" style={{ marginTop: 24 }}>
        <Typography.Title level={5}>{t('reports.snapshots.title')}</Typography.Title>
        <Table<ReportSnapshot>
          data-testid="snapshots"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={snapshots ?? []}
          locale={{ emptyText: t('reports.snapshots.empty') }}
          columns={[
            { title: t('reports.snapshots.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: (value: string) => new Date(value).toLocaleString() },
            { title: t('reports.snapshots.operator'), dataIndex: 'operator', key: 'operator' },
            { title: t('reports.snapshots.total'), key: 'total', align: 'right', render: (_, snapshot) => snapshot.report.headcount.total.toLocaleString() },
            { title: t('reports.snapshots.note'), dataIndex: 'note', key: 'note' },
            { title: t('reports.snapshots.checksum'), dataIndex: 'checksum', key: 'checksum', render: (value: string) => <Typography.Text code>{value.slice(0, 12)}</Typography.Text> },
            {
              title: '',
              key: 'compare',
              render: (_, snapshot) => (
                <Button size="small" icon={<DiffOutlined />} onClick={() => void compare(snapshot)}>
                  {t('reports.snapshots.compare')}
                </Button>
              ),
            },
          ]}
        />
      </div>

      <Modal title={t('reports.freezeTitle', { year })} open={freezeOpen} onOk={() => void freeze()} onCancel={() => setFreezeOpen(false)} destroyOnHidden>
        <Typography.Paragraph>{t('reports.freezeHint')}</Typography.Paragraph>
        <Input aria-label={t('reports.freezeNote')} placeholder={t('reports.freezeNote')} value={freezeNote} onChange={(event) => setFreezeNote(event.target.value)} maxLength={200} />
      </Modal>

      <Modal
        title={t('reports.snapshots.compare')}
        open={comparison !== null}
        onCancel={() => setComparison(null)}
        footer={<Button onClick={() => setComparison(null)}>{t('reports.snapshots.close')}</Button>}
        width={760}
      >
        {comparison ? (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="snapshot-comparison">
            <Tag color={comparison.differences.length === 0 ? 'green' : 'orange'}>
              {!comparison.dataChanged
                ? t('reports.snapshots.same')
                : comparison.differences.length === 0
                  ? t('reports.snapshots.noDifferences')
                  : t('reports.snapshots.differences', { count: comparison.differences.length })}
            </Tag>
            {comparison.differences.length > 0 ? (
              <Table<FigureDifference>
                size="small"
                rowKey="key"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={comparison.differences}
                columns={[
                  { title: t('reports.snapshots.figure'), key: 'figure', render: (_, row) => label(row) },
                  { title: t('reports.snapshots.frozenValue'), dataIndex: 'frozen', key: 'frozen', align: 'right', render: (value: number | null) => (value === null ? '—' : value.toLocaleString()) },
                  { title: t('reports.snapshots.currentValue'), dataIndex: 'current', key: 'current', align: 'right', render: (value: number | null) => (value === null ? '—' : value.toLocaleString()) },
                  { title: t('reports.snapshots.difference'), dataIndex: 'difference', key: 'difference', align: 'right', render: signed },
                ]}
              />
            ) : null}
          </Space>
        ) : null}
      </Modal>
    </SectionPage>
  );
}
