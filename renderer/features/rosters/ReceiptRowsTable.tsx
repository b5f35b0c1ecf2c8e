/** The checked rows of a roster file: match, problems, and (bureau) per-row return and name-conflict choices. */
import { useMemo, useState } from 'react';
import { Checkbox, Flex, Input, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ConflictResolution } from '../../data/importBatches';
import type { RosterReceipt, RosterReceiptRow } from '../../data/rosters';
import type { MaskPattern } from '../../db/types';
import { useLanguage, useT } from '../../i18n';
import { maskId } from './shared';

export interface ReceiptRowsTableProps {
  receipt: RosterReceipt;
  mask: MaskPattern;
  /** Bureau desk: rows can be returned and conflicts settled. */
  decisions?: {
    rejected: ReadonlyMap<number, string>;
    onRejected: (next: Map<number, string>) => void;
    resolutions: ReadonlyMap<number, ConflictResolution>;
    onResolutions: (next: Map<number, ConflictResolution>) => void;
  };
}

export function ReceiptRowsTable({ receipt, mask, decisions }: ReceiptRowsTableProps) {
  const t = useT();
  const { language } = useLanguage();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const rows = useMemo(() => (onlyProblems ? receipt.rows.filter((row) => row.issues.length > 0 || row.match?.kind === 'conflict') : receipt.rows), [receipt, onlyProblems]);
  const text = (entry: { message: string; messageEn: string }) => (language === 'en' ? entry.messageEn : entry.message);

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} data-testid="receipt-only-problems" />
        <Typography.Text>{t('bases.receipt.onlyProblems')}</Typography.Text>
      </Flex>
      <Table<RosterReceiptRow>
        size="small"
        rowKey="row"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="receipt-rows"
        rowClassName={(row) => (row.valid ? '' : 'receipt-row-invalid')}
        onRow={(row) => ({ 'data-row': row.row }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'row', title: t('bases.enrollment.row'), dataIndex: 'row', width: 70 },
          { key: 'name', title: t('bases.enrollment.name'), dataIndex: 'name', width: 100 },
          { key: 'id', title: t('bases.enrollment.idNumber'), width: 190, render: (_: unknown, row) => maskId(row.idNumber, mask) },
          {
            key: 'match',
            title: t('bases.receipt.match'),
            width: 190,
            render: (_: unknown, row) => {
              if (row.alreadyAccepted) return <Tag color="green">{t('bases.receipt.kept')}</Tag>;
              if (!row.match) return <Tag color="red">{t('bases.receipt.hasErrors')}</Tag>;
              if (row.match.kind === 'new') return <Tag color="blue">{t('bases.receipt.matchNew')}</Tag>;
              if (row.match.kind === 'matched') return <Tag>{t('bases.receipt.matchMatched')}</Tag>;
              return <Tag color="orange">{t('bases.receipt.matchConflict', { registry: row.match.registryName })}</Tag>;
            },
          },
          {
            key: 'issues',
            title: t('bases.receipt.issues'),
            render: (_: unknown, row) => (
              <Flex vertical gap={2}>
                {row.issues.map((issue, index) => (
                  <Typography.Text key={index} type={issue.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                    {text(issue)}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
          ...(decisions
            ? [
                {
                  key: 'decision',
                  title: t('bases.receipt.reject'),
                  width: 260,
                  render: (_: unknown, row: RosterReceiptRow) => {
                    if (!row.valid || row.alreadyAccepted) return null;
                    const reason = decisions.rejected.get(row.row);
                    return (
                      <Flex vertical gap={4}>
                        {row.match?.kind === 'conflict' && (
                          <Select<ConflictResolution>
                            size="small"
                            placeholder={t('bases.receipt.resolution')}
                            value={decisions.resolutions.get(row.row)}
                            data-testid={`resolution-${row.row}`}
                            onChange={(value) => decisions.onResolutions(new Map(decisions.resolutions).set(row.row, value))}
                            options={[
                              { value: 'keepRegistry', label: t('bases.receipt.keepRegistry') },
                              { value: 'takeFile', label: t('bases.receipt.takeFile') },
                              { value: 'skip', label: t('bases.receipt.skip') },
                            ]}
                          />
                        )}
                        <Checkbox
                          checked={reason !== undefined}
                          data-testid={`reject-${row.row}`}
                          onChange={(event) => {
                            const next = new Map(decisions.rejected);
                            if (event.target.checked) next.set(row.row, '');
                            else next.delete(row.row);
                            decisions.onRejected(next);
                          }}
                        >
                          {t('bases.receipt.reject')}
                        </Checkbox>
                        {reason !== undefined && (
                          <Input
                            size="small"
                            placeholder={t('bases.receipt.rejectReason')}
                            value={reason}
                            data-testid={`reject-reason-${row.row}`}
                            onChange={(event) => decisions.onRejected(new Map(decisions.rejected).set(row.row, event.target.value))}
                          />
                        )}
                      </Flex>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
