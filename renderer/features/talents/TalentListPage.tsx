/**
 * 人才库: the searchable, filterable, sortable list of every talent, with a live count, a
 * remembered column chooser, export and template download. Search and filters run in the index
 * worker; the page holds only the rows in view.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { DownloadOutlined, ImportOutlined, PlusOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Flex, Popover, Progress, Space, theme, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { todayYmd } from '../../../shared/dates';
import { hasTalentFilters, TALENT_INDEX_FIELDS, type TalentFilters, type TalentQuery } from '../../../shared/search/talentSearch';
import type { Talent } from '../../../shared/talent/talent';
import { talentFields, type TalentFieldKey } from '../../../shared/talent/talentFields';
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { downloadTemplate, exportTalentList, type ExportFormat } from '../../data/exports';
import { getDatabase, setSetting, useHasTalents, useSettings, DEFAULT_MASK_PATTERN } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { usePlatform } from '../../platform';
import { fieldLabel, DEFAULT_LIST_COLUMNS, TALENT_LIST_ID, visibleColumns } from './talentDisplay';
import { TalentFilterBar } from './TalentFilterBar';
import { TalentTable } from './TalentTable';
import { useTalentList, type TalentListView } from './useTalentList';

/** Filters or sort as the clerk set them, and when (a recount is timed from the change). */
interface Timed<T> {
  value: T;
  at: number;
}

/** Columns every list row carries already (the index's fields); any other shown column is fetched as an extra. */
const INDEX_FIELDS: ReadonlySet<string> = new Set<string>(TALENT_INDEX_FIELDS);

const ColumnChooser = memo(function ColumnChooser({ columns, onChange }: { columns: readonly TalentFieldKey[]; onChange: (columns: TalentFieldKey[]) => void }) {
  const t = useT();
  const { language } = useLanguage();
  const content = (
    <Flex vertical gap={8} style={{ maxWidth: 420 }} data-testid="column-chooser">
      <Checkbox.Group<TalentFieldKey>
        value={[...columns]}
        onChange={(values) => {
          if (values.length === 0) return;
          // Keep the field table's order: the list reads like the registration form.
          onChange(talentFields.map((field) => field.key).filter((key) => values.includes(key)));
        }}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(110px, 1fr))', gap: 6 }}
        options={talentFields.map((field) => ({ value: field.key, label: fieldLabel(field, language) }))}
      />
      <Button size="small" onClick={() => onChange([...DEFAULT_LIST_COLUMNS])} style={{ alignSelf: 'flex-start' }}>
        {t('talents.list.columnsReset')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('talents.list.columnsTitle')} content={content}>
      <Button icon={<SettingOutlined />}>{t('talents.list.columns')}</Button>
    </Popover>
  );
});

/** The search box's look: antd's outlined input, drawn from the theme's tokens (see SearchBox for why it is not an antd Input). */
function searchBoxCss(token: ReturnType<typeof theme.useToken>['token']): string {
  return [
    `.tl-search{position:relative;display:inline-flex;align-items:center;width:420px;max-width:100%}`,
    `.tl-search-icon{position:absolute;left:${token.paddingSM - 1}px;color:${token.colorTextTertiary};pointer-events:none;font-size:${token.fontSize}px}`,
    `.tl-search>input{width:100%;height:${token.controlHeight}px;box-sizing:border-box;margin:0;padding:0 ${token.paddingSM - 1}px 0 ${token.paddingSM + token.fontSize + 6}px;` +
      `font:inherit;font-size:${token.fontSize}px;color:${token.colorText};background:${token.colorBgContainer};` +
      `border:${token.lineWidth}px ${token.lineType} ${token.colorBorder};border-radius:${token.borderRadius}px;outline:none;transition:border-color ${token.motionDurationMid},box-shadow ${token.motionDurationMid}}`,
    `.tl-search>input::placeholder{color:${token.colorTextPlaceholder}}`,
    `.tl-search>input:hover{border-color:${token.colorPrimaryHover}}`,
    `.tl-search>input:focus{border-color:${token.colorPrimary};box-shadow:0 0 0 ${token.controlOutlineWidth}px ${token.controlOutline}}`,
    `.tl-search>input::-webkit-search-cancel-button{cursor:pointer}`,
  ].join('');
}

/**
 * The search box: a native search input that keeps what is typed itself, so a keystroke
 * re-renders no React component at all (an antd Input.Search re-rendered itself and its clear
 * icon on every keystroke: ≈ 3–4 ms of the main thread, traced, before the results could be
 * drawn). The browser's own clear button and Esc empty it. No debounce: the query goes to the
 * index worker from the input event, and the list re-renders once, when the first page of the
 * newest query arrives.
 */
const SearchBox = memo(function SearchBox({ onSearch }: { onSearch: (text: string, typedAt: number) => void }) {
  const t = useT();
  const { token } = theme.useToken();
  const css = useMemo(() => searchBoxCss(token), [token]);
  return (
    <span className="tl-search" data-testid="talent-search">
      <style>{css}</style>
      <SearchOutlined className="tl-search-icon" aria-hidden />
      <input
        type="search"
        aria-label={t('talents.list.searchLabel')}
        placeholder={t('talents.list.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        onChange={(event) => onSearch(event.currentTarget.value, performance.now())}
      />
    </span>
  );
});

/** The last search's time next to the count: updated after the rows are painted, re-rendering only itself. */
function QueryTimingText({ view, ready }: { view: Pick<TalentListView, 'subscribeTiming' | 'timing'>; ready: boolean }) {
  const t = useT();
  const timing = useSyncExternalStore(view.subscribeTiming, view.timing, view.timing);
  if (!ready || timing.queryMs === null) return null;
  return (
    <Typography.Text type="secondary" data-testid="talent-query-ms" data-ms={timing.queryMs.toFixed(1)} data-worker-ms={timing.workerMs?.toFixed(1)}>
      {t('talents.list.searchMs', { ms: Math.max(1, Math.round(timing.queryMs)) })}
    </Typography.Text>
  );
}

interface TalentListActionsProps {
  exportDisabled: boolean;
  busy: 'export' | 'template' | null;
  onAdd: () => void;
  onImport: () => void;
  onExport: (format: ExportFormat, unmasked: boolean) => void;
  onTemplate: () => void;
}

/** The heading's buttons: re-rendered when their state changes, not with every search result. */
const TalentListActions = memo(function TalentListActions({ exportDisabled, busy, onAdd, onImport, onExport, onTemplate }: TalentListActionsProps) {
  const t = useT();
  const { modal } = App.useApp();
  return (
    <Space wrap>
      <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
        {t('talents.list.add')}
      </Button>
      <Button icon={<ImportOutlined />} onClick={onImport}>
        {t('talents.list.import')}
      </Button>
      <Dropdown
        disabled={exportDisabled}
        menu={{
          items: [
            { key: 'xlsx', label: `${t('talents.list.exportMasked')} .xlsx` },
            { key: 'csv', label: `${t('talents.list.exportMasked')} .csv` },
            { type: 'divider' },
            { key: 'unmasked', label: `${t('talents.list.exportUnmasked')} .xlsx`, danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'unmasked') {
              modal.confirm({
                title: t('talents.list.exportUnmasked'),
                content: t('talents.list.exportUnmaskedConfirm'),
                okText: t('common.confirm'),
                cancelText: t('common.cancel'),
                onOk: () => onExport('xlsx', true),
              });
            } else onExport(key as ExportFormat, false);
          },
        }}
      >
        <Button icon={<DownloadOutlined />} loading={busy === 'export'}>
          {t('talents.list.export')}
        </Button>
      </Dropdown>
      <Button icon={<DownloadOutlined />} loading={busy === 'template'} onClick={onTemplate}>
        {t('talents.list.template')}
      </Button>
    </Space>
  );
});

export function TalentListPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const platform = usePlatform();
  const settings = useSettings();
  // Emptiness only: a count() here would queue before the list's first page (≈ 0.5 s at 300,000).
  const hasTalents = useHasTalents();
  const [filterChange, setFilterChange] = useState<Timed<TalentFilters>>({ value: {}, at: 0 });
  const [sortChange, setSortChange] = useState<Timed<TalentQuery['sort']>>({ value: undefined, at: 0 });
  const filters = filterChange.value;
  const sort = sortChange.value;
  const [busy, setBusy] = useState<'export' | 'template' | null>(null);

  const savedColumns = settings?.listColumns[TALENT_LIST_ID];
  const columns = useMemo(() => visibleColumns(savedColumns), [savedColumns]);
  const extraFields = useMemo(() => columns.filter((key) => !INDEX_FIELDS.has(key)) as (keyof Talent)[], [columns]);
  const mask = settings?.maskPattern ?? DEFAULT_MASK_PATTERN;

  const view = useTalentList({ filters, sort, changedAt: Math.max(filterChange.at, sortChange.at) || undefined, extraFields, mask });
  const { status, text, refine } = view;
  const setFilters = useCallback(
    (value: TalentFilters) => {
      const at = performance.now();
      refine({ filters: value }, at);
      setFilterChange({ value, at });
    },
    [refine],
  );
  const setSort = useCallback(
    (value: TalentQuery['sort']) => {
      const at = performance.now();
      refine({ sort: value }, at);
      setSortChange({ value, at });
    },
    [refine],
  );

  // For the performance checks: when the list mounted and when its first rows are on screen (once per visit).
  useEffect(() => {
    performance.mark('talent-list-mounted');
  }, []);
  const firstRowsMarked = useRef(false);
  const firstRow = view.rowAt(0);
  useEffect(() => {
    if (firstRowsMarked.current || !firstRow) return;
    firstRowsMarked.current = true;
    performance.mark('talent-list-first-rows');
  }, [firstRow]);

  const listColumns = settings?.listColumns;
  const saveColumns = useCallback(
    (next: TalentFieldKey[]) => {
      if (!listColumns) return;
      void setSetting(getDatabase(), 'listColumns', { ...listColumns, [TALENT_LIST_ID]: next }, '人才库显示列');
    },
    [listColumns],
  );

  async function save(fileName: string, bytes: Uint8Array, format: ExportFormat) {
    const filters = format === 'csv' ? [{ name: 'CSV', extensions: ['csv'] }] : [{ name: 'Excel', extensions: ['xlsx'] }];
    const saved = await platform.saveFile(fileName, bytes, filters);
    return saved.ok && !saved.value.canceled;
  }

  async function runExport(format: ExportFormat, unmasked: boolean) {
    setBusy('export');
    try {
      const query = { text, filters, ...(sort ? { sort } : {}), today: todayYmd() };
      // The export takes its rows from the list's search index (or, before it has loaded, reads them
      // itself); the count shown here only sizes its progress when it reads the whole list itself.
      const file = await exportTalentList({ query, ...(view.rowCount !== null ? { listTotal: view.rowCount } : {}), columns, format, unmasked, maskPattern: mask });
      const count = file.rows ?? view.rowCount ?? 0;
      if (await save(file.fileName, file.bytes, format)) message.success(t('talents.list.exportDone', { count: count.toLocaleString() }));
    } catch (error) {
      message.error(t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  }

  async function runTemplate() {
    setBusy('template');
    try {
      const file = await downloadTemplate('talents');
      await save(file.fileName, file.bytes, 'xlsx');
    } catch (error) {
      message.error(t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  }

  // The memoised children get callbacks that never change identity and call the latest code.
  const latest = useRef({ runExport, runTemplate, navigate });
  latest.current = { runExport, runTemplate, navigate };
  const [callbacks] = useState(() => ({
    add: () => latest.current.navigate('/talents/new'),
    import: () => latest.current.navigate('/import?kind=talents'),
    export: (format: ExportFormat, unmasked: boolean) => void latest.current.runExport(format, unmasked),
    template: () => void latest.current.runTemplate(),
    open: (id: string) => latest.current.navigate(`/talents/${id}`),
  }));
  const actions = (
    <TalentListActions
      exportDisabled={!hasTalents || busy !== null}
      busy={busy}
      onAdd={callbacks.add}
      onImport={callbacks.import}
      onExport={callbacks.export}
      onTemplate={callbacks.template}
    />
  );

  if (hasTalents === false) {
    return (
      <SectionPage title={t('sections.talents.title')} extra={actions}>
        <SectionEmpty title={t('sections.talents.emptyTitle')} description={t('sections.talents.emptyDescription')} />
      </SectionPage>
    );
  }

  const searching = text.trim() !== '' || hasTalentFilters(filters);
  const totalText =
    view.total === null
      ? '…'
      : searching && status.ready
        ? t('talents.list.totalOf', { count: view.total.toLocaleString(), all: status.total.toLocaleString() })
        : t('talents.list.total', { count: view.total.toLocaleString() });

  return (
    <SectionPage title={t('sections.talents.title')} extra={actions}>
      <Flex vertical gap={12}>
        <Flex gap={12} align="center" wrap>
          <SearchBox onSearch={view.search} />
          <Typography.Text strong data-testid="talent-total" aria-live="polite" data-index-load={status.lastLoad ? JSON.stringify(status.lastLoad) : undefined}>
            {totalText}
          </Typography.Text>
          <QueryTimingText view={view} ready={status.ready} />
          {!status.ready && (
            <Tooltip title={t('talents.list.indexingShort')}>
              <Flex align="center" gap={8} data-testid="talent-indexing">
                <Typography.Text type="secondary">
                  {t('talents.list.indexing', { loaded: status.loaded.toLocaleString(), total: (status.total || view.total || 0).toLocaleString() })}
                </Typography.Text>
                <Progress percent={status.total > 0 ? Math.floor((status.loaded / status.total) * 100) : 0} size="small" style={{ width: 120, margin: 0 }} showInfo={false} />
              </Flex>
            </Tooltip>
          )}
          <div style={{ flex: 1 }} />
          <ColumnChooser columns={columns} onChange={saveColumns} />
        </Flex>
        <TalentFilterBar filters={filters} onChange={setFilters} />
        <TalentTable
          columns={columns}
          total={view.rowCount}
          resultKey={view.resultKey}
          rowAt={view.rowAt}
          requestRange={view.requestRange}
          subscribeRows={view.subscribeRows}
          rowsVersion={view.rowsVersion}
          sort={sort}
          onSort={setSort}
          onOpen={callbacks.open}
          height="max(360px, calc(100vh - 360px))"
        />
      </Flex>
    </SectionPage>
  );
}
