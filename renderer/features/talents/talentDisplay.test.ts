import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_COLUMNS, displayValue, fieldOf, isSortableColumn, maskedDisplayValue, visibleColumns } from './talentDisplay';

const mask = { idNumberKeepStart: 6, idNumberKeepEnd: 4, phoneKeepStart: 3, phoneKeepEnd: 4 };

describe('talent display', () => {
  it('shows saved columns that exist, else the field table defaults', () => {
    expect(visibleColumns(['employer', 'nope', 'name'])).toEqual(['employer', 'name']);
    expect(visibleColumns(['nope'])).toEqual(DEFAULT_LIST_COLUMNS);
    expect(visibleColumns(undefined)).toContain('idNumber');
  });

  it('turns codes, booleans and tags into labels', () => {
    expect(displayValue(fieldOf('district'), '310115', 'zh-CN')).toBe('浦东新区');
    expect(displayValue(fieldOf('education'), 'master', 'en')).toBe("Master's");
    expect(displayValue(fieldOf('overseas'), true, 'zh-CN')).toBe('是');
    expect(displayValue(fieldOf('tags'), ['海外引进', '博士后'], 'zh-CN')).toBe('海外引进、博士后');
    expect(displayValue(fieldOf('skillLevel'), '0', 'zh-CN')).toBe('无');
    expect(displayValue(fieldOf('employer'), '', 'zh-CN')).toBe('');
  });

  it('masks ID numbers and phones with the settings pattern', () => {
    expect(maskedDisplayValue(fieldOf('idNumber'), '11010519491231002X', 'zh-CN', mask)).toBe('110105********002X');
    expect(maskedDisplayValue(fieldOf('phone'), '13912345678', 'zh-CN', mask)).toBe('139****5678');
    expect(maskedDisplayValue(fieldOf('idNumber'), '11010519491231002X', 'zh-CN', { ...mask, idNumberKeepStart: 3, idNumberKeepEnd: 2 })).toBe('110*************2X');
    expect(maskedDisplayValue(fieldOf('name'), '张三', 'zh-CN', mask)).toBe('张三');
  });

  it('sorts only by the columns the search index holds', () => {
    expect(isSortableColumn('name')).toBe(true);
    expect(isSortableColumn('school')).toBe(false);
  });
});
