/**
 * A chart with its numbers: ECharts (tree-shaken: only the bar, line and pie charts and the
 * components used here are bundled), a 图表/表格 switch for people who prefer reading the figures,
 * and 保存 PNG through the platform's save dialog.
 */
import { App as AntApp, Button, Card, Segmented, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { usePlatform } from '../../platform';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// lib/core is CommonJS: the bundler may hand over its exports object instead of the default class.
const ReactEChartsCore = (ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ?? ReactEChartsCoreModule;

/** Chinese-first font stack for chart text (canvas text does not inherit the page's CSS). */
export const CHART_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** One row of a chart's table: a label and its values by column key. */
export interface ChartTableRow {
  key: string;
  label: string;
  values: Record<string, number | string>;
}

export interface ChartCardProps {
  title: string;
  option: EChartsCoreOption;
  /** Header of the label column and the value columns of the table view. */
  labelHeader: string;
  valueColumns: Array<{ key: string; title: string }>;
  rows: ChartTableRow[];
  /** PNG file name without extension. */
  fileName: string;
  height?: number;
  testId?: string;
  extra?: ReactNode;
}

function dataUrlBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function ChartCard({ title, option, labelHeader, valueColumns, rows, fileName, height = 280, testId, extra }: ChartCardProps) {
  const t = useT();
  const platform = usePlatform();
  const { message } = AntApp.useApp();
  const chartRef = useRef<InstanceType<typeof ReactEChartsCoreModule>>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');

  async function savePng() {
    const instance = chartRef.current?.getEchartsInstance();
    if (!instance) return;
    const bytes = dataUrlBytes(instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }));
    const name = `${fileName}.png`;
    const saved = await platform.saveFile(name, bytes, [{ name: 'PNG', extensions: ['png'] }]);
    if (saved.ok && !saved.value.canceled) void message.success(t('reports.dashboard.saved', { name }));
  }

  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <Space size="small">
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            options={[
              { value: 'chart', label: t('reports.dashboard.showChart') },
              { value: 'table', label: t('reports.dashboard.showTable') },
            ]}
          />
          <Button size="small" icon={<DownloadOutlined />} disabled={view !== 'chart'} onClick={() => void savePng()}>
            {t('reports.dashboard.savePng')}
          </Button>
        </Space>
      }
    >
      {view === 'chart' ? (
        <ReactEChartsCore ref={chartRef} echarts={echarts} option={{ textStyle: { fontFamily: CHART_FONT_FAMILY }, animation: false, ...option }} notMerge style={{ height }} />
      ) : (
        <Table
          size="small"
          pagination={false}
          scroll={{ y: height - 40 }}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: labelHeader, dataIndex: 'label', key: 'label' },
            ...valueColumns.map((column) => ({
              title: column.title,
              key: column.key,
              align: 'right' as const,
              render: (_: unknown, row: ChartTableRow) => {
                const value = row.values[column.key];
                return typeof value === 'number' ? value.toLocaleString() : value;
              },
            })),
          ]}
        />
      )}
    </Card>
  );
}
