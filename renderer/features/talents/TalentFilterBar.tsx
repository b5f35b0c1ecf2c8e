/** The list's filters: one multiple select per code list, 海外经历 yes/no, 年龄段. */
import { memo, useMemo, useRef, useState } from 'react';
import { Button, Flex, Select } from 'antd';
import { AGE_BANDS, hasTalentFilters, type AgeBand, type TalentFilters } from '../../../shared/search/talentSearch';
import type { TalentFieldKey } from '../../../shared/talent/talentFields';
import { useLanguage, useT, type PlainMessageKey } from '../../i18n';
import { fieldOf } from './talentDisplay';

type CodeFilterKey = 'district' | 'cluster' | 'category' | 'education' | 'titleLevel' | 'status';

const CODE_FILTERS: readonly { key: CodeFilterKey; label: PlainMessageKey; width: number }[] = [
  { key: 'district', label: 'talents.filters.district', width: 150 },
  { key: 'cluster', label: 'talents.filters.cluster', width: 150 },
  { key: 'category', label: 'talents.filters.category', width: 170 },
  { key: 'education', label: 'talents.filters.education', width: 130 },
  { key: 'titleLevel', label: 'talents.filters.titleLevel', width: 140 },
  { key: 'status', label: 'talents.filters.status', width: 130 },
];

const AGE_BAND_LABELS: Record<AgeBand, PlainMessageKey> = {
  le35: 'talents.filters.ageLe35',
  '36to45': 'talents.filters.age36to45',
  '46to54': 'talents.filters.age46to54',
  ge55: 'talents.filters.ageGe55',
};

export interface TalentFilterBarProps {
  filters: TalentFilters;
  onChange: (filters: TalentFilters) => void;
  disabled?: boolean;
}

interface CodeFilterProps {
  filterKey: CodeFilterKey;
  label: PlainMessageKey;
  width: number;
  /** The chosen codes (the same array while another filter changes: this select is not re-rendered). */
  values: readonly string[] | undefined;
  disabled: boolean | undefined;
  onChange: (key: CodeFilterKey, values: string[]) => void;
}

const NO_VALUES: readonly string[] = [];

/**
 * One code-list filter. Memoised: choosing a district re-renders the district select only, not
 * all eight (each antd Select costs a few ms to render; the recount waits for the main thread).
 */
const CodeFilter = memo(function CodeFilter({ filterKey, label, width, values, disabled, onChange }: CodeFilterProps) {
  const t = useT();
  const { language } = useLanguage();
  const options = useMemo(
    () => (fieldOf(filterKey as TalentFieldKey).options ?? []).map((option) => ({ value: option.value, label: language === 'en' ? option.en : option.zh })),
    [filterKey, language],
  );
  const value = useMemo(() => [...(values ?? NO_VALUES)], [values]);
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      disabled={disabled}
      aria-label={t(label)}
      placeholder={t(label)}
      style={{ width }}
      value={value}
      onChange={(next) => onChange(filterKey, next)}
      optionFilterProp="label"
      options={options}
    />
  );
});

function FilterBar({ filters, onChange, disabled }: TalentFilterBarProps) {
  const t = useT();
  // The selects get callbacks that never change identity and read the latest filters.
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };
  const [set] = useState(() => (patch: Partial<TalentFilters>) => {
    const next: TalentFilters = { ...latest.current.filters, ...patch };
    for (const key of Object.keys(next) as (keyof TalentFilters)[]) {
      const value = next[key];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    }
    latest.current.onChange(next);
  });
  const [setCodes] = useState(() => (key: CodeFilterKey, values: string[]) => set({ [key]: values }));

  return (
    <Flex gap={8} wrap align="center" data-testid="talent-filters">
      {CODE_FILTERS.map(({ key, label, width }) => (
        <CodeFilter key={key} filterKey={key} label={label} width={width} values={filters[key]} disabled={disabled} onChange={setCodes} />
      ))}
      <Select<'yes' | 'no' | 'any'>
        aria-label={t('talents.filters.overseas')}
        disabled={disabled}
        style={{ width: 160 }}
        value={filters.overseas === undefined ? 'any' : filters.overseas ? 'yes' : 'no'}
        onChange={(value) => set({ overseas: value === 'any' ? undefined : value === 'yes' })}
        options={[
          { value: 'any', label: `${t('talents.filters.overseas')}：${t('talents.filters.any')}` },
          { value: 'yes', label: `${t('talents.filters.overseas')}：${t('common.yes')}` },
          { value: 'no', label: `${t('talents.filters.overseas')}：${t('common.no')}` },
        ]}
      />
      <Select<AgeBand[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        disabled={disabled}
        aria-label={t('talents.filters.ageBand')}
        placeholder={t('talents.filters.ageBand')}
        style={{ width: 150 }}
        value={[...(filters.ageBand ?? [])]}
        onChange={(values) => set({ ageBand: values })}
        options={AGE_BANDS.map((band) => ({ value: band, label: t(AGE_BAND_LABELS[band]) }))}
      />
      {hasTalentFilters(filters) && (
        <Button type="link" onClick={() => onChange({})}>
          {t('talents.list.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}

/** Memoised: rows arriving while scrolling re-render the table, not eight selects. */
export const TalentFilterBar = memo(FilterBar);
