/**
 * The virtual-scrolled talent table: only the rows in view (plus a few) are in the DOM, at a fixed
 * row height, so 300,000 rows scroll like 30. Looks like an antd Table (header, borders, hover)
 * with sortable headers; rows open the detail page by click or Enter.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { Empty, Skeleton, Spin, theme } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TalentQuery } from '../../../shared/search/talentSearch';
import type { TalentFieldKey } from '../../../shared/talent/talentFields';
import type { TalentListRow } from '../../data/talentIndexClient';
import { useLanguage, useT } from '../../i18n';
import { columnWidth, displayValue, fieldLabel, fieldOf, isSortableColumn } from './talentDisplay';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 44;

export interface TalentTableProps {
  columns: readonly TalentFieldKey[];
  total: number | null;
  rowAt: (index: number) => TalentListRow | undefined;
  requestRange: (first: number, last: number) => void;
  sort: TalentQuery['sort'];
  onSort: (sort: TalentQuery['sort']) => void;
  onOpen: (id: string) => void;
  /** Pixel height of the scrolling area. */
  height: number | string;
}

function nextSort(current: TalentQuery['sort'], key: TalentFieldKey & NonNullable<TalentQuery['sort']>['key']): TalentQuery['sort'] {
  if (!current || current.key !== key) return { key, direction: 'asc' };
  if (current.direction === 'asc') return { key, direction: 'desc' };
  return undefined;
}

export function TalentTable({ columns, total, rowAt, requestRange, sort, onSort, onOpen, height }: TalentTableProps) {
  const t = useT();
  const { language } = useLanguage();
  const { token } = theme.useToken();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) requestRange(first, last);
  }, [first, last, count, requestRange]);

  // A new query starts at the top.
  const sortKey = sort ? `${sort.key}:${sort.direction}` : '';
  const waiting = total === null;
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [waiting, sortKey]);

  const fields = columns.map((key) => fieldOf(key));
  const widths = fields.map((field) => columnWidth(field));
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);
  const border = `1px solid ${token.colorBorderSecondary}`;
  const cellStyle = (width: number): CSSProperties => ({
    width,
    minWidth: width,
    padding: '0 12px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    boxSizing: 'border-box',
  });

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-rowcount={count}
      data-testid="talent-table"
      style={{ height, overflow: 'auto', border, borderRadius: token.borderRadiusLG, position: 'relative', contain: 'strict' }}
    >
      <style>{`.tl-talent-row:hover,.tl-talent-row:focus-visible{background:${token.controlItemBgHover};outline:none}`}</style>
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 2, width: Math.max(totalWidth, 0), minWidth: '100%' }}>
        <div role="row" style={{ display: 'flex', height: HEADER_HEIGHT, alignItems: 'center', background: token.colorFillAlter, borderBottom: border, fontWeight: 600 }}>
          {fields.map((field, position) => {
            const sortable = isSortableColumn(field.key);
            const active = sort?.key === field.key ? sort.direction : undefined;
            return (
              <div
                key={field.key}
                role="columnheader"
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
                style={{ ...cellStyle(widths[position] ?? 100), cursor: sortable ? 'pointer' : 'default', display: 'flex', alignItems: 'center', gap: 4, userSelect: 'none' }}
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
      {total === null ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('talents.list.noMatch')} style={{ padding: 32 }} />
      ) : (
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width: Math.max(totalWidth, 0), minWidth: '100%', position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 1}
                tabIndex={row ? 0 : -1}
                className="tl-talent-row"
                data-testid={row ? 'talent-row' : 'talent-row-loading'}
                aria-label={row ? t('talents.list.rowOpen', { name: row.name }) : undefined}
                onClick={row ? () => onOpen(row.id) : undefined}
                onKeyDown={
                  row
                    ? (event) => {
                        if (event.key === 'Enter') onOpen(row.id);
                      }
                    : undefined
                }
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'flex',
                  alignItems: 'center',
                  borderBottom: border,
                  cursor: row ? 'pointer' : 'default',
                }}
              >
                {row ? (
                  fields.map((field, position) => (
                    <div key={field.key} role="cell" style={cellStyle(widths[position] ?? 100)}>
                      {displayValue(field, row[field.key as keyof TalentListRow], language)}
                    </div>
                  ))
                ) : (
                  <div role="cell" style={{ padding: '0 12px', width: '100%' }}>
                    <Skeleton.Input active size="small" style={{ width: 240, height: 16 }} />
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
