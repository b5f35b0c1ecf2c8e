/**
 * The virtual-scrolled talent table: only the rows in view (plus a few) are in the DOM, at a fixed
 * row height, so 300,000 rows scroll like 30. Looks like an antd Table (header, borders, hover)
 * with sortable headers; rows open the detail page by click or Enter.
 *
 * The rendered rows sit in normal flow inside one window element moved with `top` to the first
 * rendered row, and are keyed by their place in that window. Scrolling (even a jump across the
 * whole list) therefore keeps the same elements and only replaces their text: no elements are
 * created or removed (each new element costs a style recalc against antd's many rules, traced at
 * ≈ 80 µs each), and no row carries its own transform (one paint property node per row). Rows and
 * cells have fixed sizes and `contain: strict`, so new text lays out only its own cell.
 *
 * A jump's work is kept to the text that can be seen: the rows stay as they were until the new
 * rows' page has arrived (one layout and paint per jump, not a blank one and then a filled one),
 * and cells of columns scrolled out of view sideways are left empty.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { Empty, Spin, theme } from 'antd';
import type { TalentQuery } from '../../../shared/search/talentSearch';
import type { TalentFieldKey } from '../../../shared/talent/talentFields';
import type { TalentListRow } from '../../data/talentIndexClient';
import { useLanguage, useT } from '../../i18n';
import { columnsInView } from './tableGeometry';
import { columnWidth, displayValue, fieldLabel, fieldOf, isSortableColumn } from './talentDisplay';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 44;
/** Rows rendered above and below the viewport (each rendered row is laid out and painted again on every jump). */
const OVERSCAN = 2;
/**
 * After a jump, the rows shown stay as they are until the new rows' page has arrived (usually one
 * frame later from the index worker): a jump then lays out and paints its cells once, not twice
 * (blank, then filled). A page that takes longer than this shows grey loading rows instead.
 */
const LOADING_ROWS_AFTER_MS = 150;

/** Where the viewport is: first row at its top edge, how many rows it holds, and the horizontal pixels in view. */
interface Viewport {
  topRow: number;
  rows: number;
  left: number;
  width: number;
}

/** The rows (with overscan) and the columns in view. */
interface VisibleRange {
  first: number;
  last: number;
  /** First and last column (by position) that intersect the viewport. */
  firstColumn: number;
  lastColumn: number;
}

/**
 * The rows and columns in view, from the scroll position alone: every row is ROW_HEIGHT tall and
 * every column has a fixed width, so no per-row measurement list is kept (a general virtualizer
 * keeps one entry per row: 300,000 here). The position is read in scroll and resize callbacks only,
 * where layout is already clean: a new result (another row count) never forces a layout in the
 * middle of React's commit.
 */
function useVisibleRange(scrollRef: React.RefObject<HTMLDivElement | null>, count: number, widths: readonly number[]): VisibleRange & { scrollTop: React.RefObject<number> } {
  const [viewport, setViewport] = useState<Viewport>({ topRow: 0, rows: 0, left: 0, width: 0 });
  /** The last scroll position read, -1 while a scroll has not been read yet. */
  const scrollTop = useRef(0);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    let frame = 0;
    const update = () => {
      frame = 0;
      scrollTop.current = element.scrollTop;
      const topRow = Math.floor(Math.max(0, element.scrollTop - HEADER_HEIGHT) / ROW_HEIGHT);
      const rows = Math.ceil(element.clientHeight / ROW_HEIGHT) + 1;
      const left = element.scrollLeft;
      const width = element.clientWidth;
      setViewport((current) => (current.topRow === topRow && current.rows === rows && current.left === left && current.width === width ? current : { topRow, rows, left, width }));
    };
    const onScroll = () => {
      scrollTop.current = -1;
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(onScroll);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);
  const lastIndex = Math.max(0, count - 1);
  const first = Math.min(Math.max(0, viewport.topRow - OVERSCAN), lastIndex);
  const last = Math.min(viewport.topRow + viewport.rows + OVERSCAN, lastIndex);
  const [firstColumn, lastColumn] = columnsInView(widths, viewport.left, viewport.width);
  return { first, last: Math.max(first, last), firstColumn, lastColumn, scrollTop };
}

function cellStyle(width: number): CSSProperties {
  return { width };
}

/** Row and cell looks shared by every row (one stylesheet rule instead of inline styles on each of ~300 cells). */
function tableCss(token: ReturnType<typeof theme.useToken>['token']): string {
  const border = `1px solid ${token.colorBorderSecondary}`;
  return [
    `.tl-talent-row{width:100%;height:${ROW_HEIGHT}px;display:flex;border-bottom:${border};box-sizing:border-box;contain:strict;cursor:pointer}`,
    `.tl-talent-row:hover,.tl-talent-row:focus-visible{background:${token.controlItemBgHover};outline:none}`,
    // A loading row shows a grey bar in its first cell until its page arrives. The flag sits on that
    // one cell: a class on the row would restyle all of its cells twice per jump.
    `.tl-talent-cell[data-loading]::before{content:"";display:inline-block;vertical-align:middle;width:100%;max-width:240px;height:16px;border-radius:4px;background:${token.colorFillSecondary}}`,
    `.tl-talent-cell{flex:none;padding:0 12px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;box-sizing:border-box}`,
    `.tl-talent-row>.tl-talent-cell{height:${ROW_HEIGHT - 1}px;line-height:${ROW_HEIGHT - 1}px;contain:strict}`,
  ].join('');
}

type ListField = ReturnType<typeof fieldOf>;

interface TalentRowProps {
  index: number;
  row: TalentListRow | undefined;
  fields: readonly ListField[];
  /** One stable style object per column (same identity across renders: React skips the style diff). */
  cellStyles: readonly CSSProperties[];
  /** Cells from firstColumn to lastColumn (positions) hold text; the others are in the DOM, empty. */
  firstColumn: number;
  lastColumn: number;
  language: ReturnType<typeof useLanguage>['language'];
  /** The row's accessible label with `{name}` in place of the name. */
  label: string;
  onOpen: (id: string) => void;
}

/**
 * One row: plain elements only (no antd components), re-rendered only when its data changes. A
 * loading row keeps the same cells (empty, a grey bar from CSS), so the arrival of its page only
 * fills in text.
 */
const TalentRow = memo(function TalentRow({ index, row, fields, cellStyles, firstColumn, lastColumn, language, label, onOpen }: TalentRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      // Same tabIndex and class loading or not: changing either restyles the row (antd's styles have a [tabindex] rule).
      tabIndex={0}
      className="tl-talent-row"
      data-testid={row ? 'talent-row' : 'talent-row-loading'}
      aria-label={row ? label.replace('{name}', row.name) : undefined}
      onClick={row ? () => onOpen(row.id) : undefined}
      onKeyDown={
        row
          ? (event) => {
              if (event.key === 'Enter') onOpen(row.id);
            }
          : undefined
      }
    >
      {fields.map((field, position) => (
        <div key={field.key} role="cell" className="tl-talent-cell" style={cellStyles[position]} data-loading={row || position > 0 ? undefined : ''}>
          {row && position >= firstColumn && position <= lastColumn ? displayValue(field, row[field.key as keyof TalentListRow], language) : ''}
        </div>
      ))}
    </div>
  );
});

interface TalentTableHeaderProps {
  fields: readonly ListField[];
  cellStyles: readonly CSSProperties[];
  width: number;
  sort: TalentQuery['sort'];
  onSort: (sort: TalentQuery['sort']) => void;
  language: ReturnType<typeof useLanguage>['language'];
}

/** The sticky header: re-rendered when columns or sort change, not on every scrolled row. */
const TalentTableHeader = memo(function TalentTableHeader({ fields, cellStyles, width, sort, onSort, language }: TalentTableHeaderProps) {
  const { token } = theme.useToken();
  const border = `1px solid ${token.colorBorderSecondary}`;
  return (
    // The header's fill is translucent (antd's colorFillAlter): under it, an opaque layer hides the rows scrolled beneath.
    <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 2, width: Math.max(width, 0), minWidth: '100%', background: token.colorBgContainer }}>
      <div role="row" style={{ display: 'flex', height: HEADER_HEIGHT, alignItems: 'center', background: token.colorFillAlter, borderBottom: border, fontWeight: 600 }}>
        {fields.map((field, position) => {
          const sortable = isSortableColumn(field.key);
          const active = sort?.key === field.key ? sort.direction : undefined;
          return (
            <div
              key={field.key}
              role="columnheader"
              className="tl-talent-cell"
              aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}
              tabIndex={sortable ? 0 : undefined}
              onClick={sortable ? () => onSort(nextSort(sort, field.key as TalentFieldKey & NonNullable<TalentQuery['sort']>['key'])) : undefined}
              onKeyDown={
                sortable
                  ? (event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        onSort(nextSort(sort, field.key as TalentFieldKey & NonNullable<TalentQuery['sort']>['key']));
                      }
                    }
                  : undefined
              }
              style={{ ...cellStyles[position], cursor: sortable ? 'pointer' : 'default', display: 'flex', alignItems: 'center', gap: 4, userSelect: 'none' }}
            >
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{fieldLabel(field, language)}</span>
              {sortable && (
                <span style={{ display: 'inline-flex', flexDirection: 'column', fontSize: 10, lineHeight: '9px', color: token.colorTextQuaternary }}>
                  <CaretUpOutlined style={{ color: active === 'asc' ? token.colorPrimary : undefined }} />
                  <CaretDownOutlined style={{ color: active === 'desc' ? token.colorPrimary : undefined }} />
                </span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});

export interface TalentTableProps {
  columns: readonly TalentFieldKey[];
  total: number | null;
  /** Changes when the rows belong to another query: the table scrolls back to the top. */
  resultKey: string;
  rowAt: (index: number) => TalentListRow | undefined;
  requestRange: (first: number, last: number) => void;
  /** Page arrivals that concern only the table (see useTalentList). */
  subscribeRows: (listener: () => void) => () => void;
  rowsVersion: () => number;
  sort: TalentQuery['sort'];
  onSort: (sort: TalentQuery['sort']) => void;
  onOpen: (id: string) => void;
  /** Pixel height of the scrolling area. */
  height: number | string;
}

/** Whether every row of [first, last] has arrived. */
function rowsLoaded(rowAt: (index: number) => TalentListRow | undefined, first: number, last: number): boolean {
  for (let index = first; index <= last; index += 1) if (rowAt(index) === undefined) return false;
  return true;
}

function nextSort(current: TalentQuery['sort'], key: TalentFieldKey & NonNullable<TalentQuery['sort']>['key']): TalentQuery['sort'] {
  if (!current || current.key !== key) return { key, direction: 'asc' };
  if (current.direction === 'asc') return { key, direction: 'desc' };
  return undefined;
}

export function TalentTable({ columns, total, resultKey, rowAt, requestRange, subscribeRows, rowsVersion, sort, onSort, onOpen, height }: TalentTableProps) {
  // Re-render when rows further down arrive; rowAt reads them from the page cache.
  useSyncExternalStore(subscribeRows, rowsVersion, rowsVersion);
  const t = useT();
  const { language } = useLanguage();
  const { token } = theme.useToken();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const fields = useMemo(() => columns.map((key) => fieldOf(key)), [columns]);
  const widths = useMemo(() => fields.map((field) => columnWidth(field)), [fields]);
  const { first, last, firstColumn, lastColumn, scrollTop } = useVisibleRange(scrollRef, count, widths);
  // Rows are memoised: hand them callbacks that never change identity.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const [openRow] = useState(() => (id: string) => onOpenRef.current(id));
  const rowLabel = t('talents.list.rowOpen', { name: '{name}' });
  useEffect(() => {
    if (count > 0) requestRange(first, last);
  }, [first, last, count, requestRange]);

  // A new query starts at the top (scrollTo forces a layout of the new rows inside the commit: skipped when already there).
  const waiting = total === null;
  useEffect(() => {
    if (scrollTop.current !== 0) scrollRef.current?.scrollTo({ top: 0 });
  }, [waiting, resultKey, scrollTop]);

  const cellStyles = useMemo(() => widths.map((width) => cellStyle(width)), [widths]);
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);
  const css = useMemo(() => tableCss(token), [token]);

  // The rows in view are shown once their page is here; until then (LOADING_ROWS_AFTER_MS at most)
  // the rows shown before stay, so a jump fills its cells once instead of blanking them first.
  const wantedKey = `${resultKey}:${first}:${last}`;
  const wantedReady = count > 0 && rowsLoaded(rowAt, first, last);
  const shownBefore = useRef<{ first: number; last: number; resultKey: string } | null>(null);
  const [loadingShownFor, setLoadingShownFor] = useState('');
  const previous = shownBefore.current;
  const keepPrevious = !wantedReady && loadingShownFor !== wantedKey && previous !== null && previous.resultKey === resultKey && previous.last < count;
  const shownFirst = keepPrevious ? previous.first : first;
  const shownLast = keepPrevious ? previous.last : last;
  useLayoutEffect(() => {
    shownBefore.current = { first: shownFirst, last: shownLast, resultKey };
  }, [shownFirst, shownLast, resultKey]);
  useEffect(() => {
    if (!keepPrevious) return undefined;
    const timer = setTimeout(() => setLoadingShownFor(wantedKey), LOADING_ROWS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [keepPrevious, wantedKey]);
  const rendered = count > 0 ? shownLast - shownFirst + 1 : 0;

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-rowcount={count}
      data-testid="talent-table"
      style={{ height, overflow: 'auto', border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, position: 'relative', contain: 'strict' }}
    >
      <style>{css}</style>
      <TalentTableHeader fields={fields} cellStyles={cellStyles} width={totalWidth} sort={sort} onSort={onSort} language={language} />
      {total === null ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('talents.list.noMatch')} style={{ padding: 32 }} />
      ) : (
        <div role="rowgroup" style={{ height: count * ROW_HEIGHT, width: Math.max(totalWidth, 0), minWidth: '100%', position: 'relative' }}>
          <div style={{ position: 'absolute', top: shownFirst * ROW_HEIGHT, left: 0, width: '100%' }}>
            {Array.from({ length: rendered }, (_, offset) => {
              const index = shownFirst + offset;
              return (
                <TalentRow
                  // Keyed by place in the window: scrolling refills the same elements.
                  key={offset}
                  index={index}
                  row={rowAt(index)}
                  fields={fields}
                  cellStyles={cellStyles}
                  firstColumn={firstColumn}
                  lastColumn={lastColumn}
                  language={language}
                  label={rowLabel}
                  onOpen={openRow}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
