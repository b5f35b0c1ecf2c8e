/**
 * 培训基地: the registry (人社局) or the base's own record (培训基地) — list with accreditation
 * flags (amber within 90 days, red expired), form, details with the history by year.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, App as AntApp, Button, Empty, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { baseAccreditationState, effectiveBaseStatus } from '../../../shared/bases/trainingBase';
import { deleteBase, listBases } from '../../data/bases';
import type { TrainingBase } from '../../db/types';
import { useSettings } from '../../db/useSettings';
import { formatDate } from '../../components/format';
import { SectionPage } from '../../components/SectionPage';
import { useLanguage, useT } from '../../i18n';
import { BaseDetailDrawer } from './BaseDetailDrawer';
import { BaseFormModal } from './BaseFormModal';
import { baseStatusLabel, baseTypeLabel, districtLabel, STATUS_COLORS, todayInShanghai } from './labels';

export function BasesPage() {
  const t = useT();
  const { language } = useLanguage();
  const { message } = AntApp.useApp();
  const settings = useSettings();
  const bases = useLiveQuery(() => listBases(), []);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ base?: TrainingBase } | null>(null);
  const [detail, setDetail] = useState<TrainingBase | null>(null);
  const today = todayInShanghai();

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (bases ?? []).filter((base) => needle === '' || base.code.toLowerCase().includes(needle) || base.name.toLowerCase().includes(needle));
  }, [bases, search]);
  const attention = (bases ?? []).filter((base) => base.status !== 'revoked' && baseAccreditationState(base, today).state !== 'ok').length;

  const remove = async (base: TrainingBase) => {
    const result = await deleteBase(base.id);
    if (!result.ok) void message.error(language === 'en' && result.error.messageEn ? result.error.messageEn : result.error.message);
    else void message.success(t('bases.registry.deleted', { name: base.name }));
  };

  return (
    <SectionPage
      title={t('sections.bases.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="base-add">
          {t('bases.registry.add')}
        </Button>
      }
    >
      <Flex vertical gap={12} data-testid="bases-page">
        {settings?.role === 'base' && <Typography.Text type="secondary">{t('bases.registry.baseRoleNote')}</Typography.Text>}
        {attention > 0 && <Alert type="warning" showIcon title={t('bases.registry.attention', { count: attention })} data-testid="bases-attention" />}
        <Flex justify="space-between" align="center">
          <Input.Search allowClear placeholder={t('bases.registry.search')} style={{ width: 280 }} onChange={(event) => setSearch(event.target.value)} />
          <Typography.Text type="secondary">{t('bases.registry.count', { count: shown.length })}</Typography.Text>
        </Flex>
        <Table<TrainingBase>
          size="middle"
          rowKey="id"
          dataSource={shown}
          loading={bases === undefined}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="bases-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${t('bases.registry.empty')} · ${t('bases.registry.emptyHint')}`} /> }}
          columns={[
            { key: 'code', title: t('bases.columns.code'), dataIndex: 'code', sorter: (a, b) => a.code.localeCompare(b.code) },
            { key: 'name', title: t('bases.columns.name'), dataIndex: 'name', render: (name: string, base) => <a onClick={() => setDetail(base)}>{name}</a> },
            { key: 'type', title: t('bases.columns.type'), render: (_: unknown, base) => baseTypeLabel(base.type, language) },
            { key: 'district', title: t('bases.columns.district'), render: (_: unknown, base) => districtLabel(base.district, language) },
            {
              key: 'validUntil',
              title: t('bases.columns.validUntil'),
              sorter: (a, b) => a.validUntil.localeCompare(b.validUntil),
              render: (_: unknown, base) => {
                const info = baseAccreditationState(base, today);
                return (
                  <Space size={4}>
                    <span>{formatDate(base.validUntil)}</span>
                    {info.state === 'expiringSoon' && <Tag color="orange">{t('bases.registry.daysLeft', { days: info.daysLeft })}</Tag>}
                    {info.state === 'expired' && <Tag color="red">{t('bases.registry.expiredFor', { days: -info.daysLeft })}</Tag>}
                  </Space>
                );
              },
            },
            {
              key: 'status',
              title: t('bases.columns.status'),
              render: (_: unknown, base) => {
                const status = effectiveBaseStatus(base, today);
                return <Tag color={STATUS_COLORS[status]}>{baseStatusLabel(status, language)}</Tag>;
              },
            },
            { key: 'programmes', title: t('bases.columns.programmes'), render: (_: unknown, base) => base.programmes.length },
            { key: 'annualPlan', title: t('bases.columns.annualPlan'), dataIndex: 'annualPlan' },
            {
              key: 'actions',
              title: t('bases.columns.actions'),
              render: (_: unknown, base) => (
                <Space>
                  <a onClick={() => setDetail(base)}>{t('bases.registry.detail')}</a>
                  <a onClick={() => setEditing({ base })}>{t('bases.registry.edit')}</a>
                  <Popconfirm title={t('bases.registry.deleteConfirm')} onConfirm={() => void remove(base)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                    <a>{t('bases.registry.delete')}</a>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Flex>
      {editing && <BaseFormModal open base={editing.base} onClose={() => setEditing(null)} />}
      {detail && <BaseDetailDrawer base={detail} onClose={() => setDetail(null)} />}
    </SectionPage>
  );
}
