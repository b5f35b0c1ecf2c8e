/**
 * One talent's record: profile, titles, training and change history. ID number and phone stay
 * masked until 显示 (audited) and are masked again when the clerk leaves the page; history values
 * of those fields are masked too. The URL carries the record's UUID, never the ID number.
 */
import { useState } from 'react';
import { ArrowLeftOutlined, EditOutlined, EyeOutlined, LogoutOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Talent } from '../../../shared/talent/talent';
import { talentFieldByKey, type TalentFieldKey } from '../../../shared/talent/talentFields';
import { formatDateTime } from '../../components/format';
import { changeTalentStatus, getTalent, listTalentCertifications, listTalentEnrollments, listTalentHistory, revealTalentPersonalData } from '../../data/talents';
import { getDatabase, useSettings, DEFAULT_MASK_PATTERN, type AuditEntry, type FieldChange, type MaskPattern } from '../../db';
import { useLanguage, useT, type Language, type PlainMessageKey } from '../../i18n';
import { displayValue, fieldLabel, fieldOf, maskedDisplayValue } from './talentDisplay';
import { TalentStatusModal } from './TalentStatusModal';

const PROFILE_GROUPS: readonly { title: PlainMessageKey; keys: readonly TalentFieldKey[] }[] = [
  { title: 'talents.detail.groupIdentity', keys: ['name', 'gender', 'idType', 'idNumber', 'birthDate', 'nationality', 'phone', 'email'] },
  { title: 'talents.detail.groupEducation', keys: ['education', 'degree', 'school', 'major', 'graduationDate'] },
  { title: 'talents.detail.groupWork', keys: ['employer', 'employerCreditCode', 'district', 'cluster', 'industrySegment', 'category', 'position', 'overseas', 'titleLevel', 'skillLevel'] },
  { title: 'talents.detail.groupRegistry', keys: ['status', 'joinedDate', 'leftDate', 'leftReason', 'tags', 'remarks'] },
];

const STATUS_COLORS: Record<Talent['status'], string> = { active: 'green', movedOut: 'orange', cancelled: 'default' };

interface Revealed {
  idNumber: string;
  phone: string;
}

function profileValue(talent: Talent, key: TalentFieldKey, language: Language, mask: MaskPattern, revealed: Revealed | null): string {
  const field = fieldOf(key);
  const raw = key === 'skillLevel' ? String(talent.skillLevel) : talent[key];
  if (revealed && field.sensitive) return field.sensitive === 'idNumber' ? revealed.idNumber : revealed.phone;
  return maskedDisplayValue(field, raw, language, mask) || '—';
}

function historyValue(change: FieldChange, language: Language, mask: MaskPattern): string {
  const field = talentFieldByKey.get(change.field as TalentFieldKey);
  const value = (v: unknown) => {
    if (v === undefined || v === null || v === '') return '—';
    if (!field) return typeof v === 'string' ? v : JSON.stringify(v);
    return maskedDisplayValue(field, change.field === 'skillLevel' ? String(v) : v, language, mask) || '—';
  };
  return `${value(change.before)}\u0000${value(change.after)}`;
}

function EmptyText({ title, hint }: { title: string; hint: string }) {
  return (
    <Flex vertical gap={4} align="center">
      <Typography.Text>{title}</Typography.Text>
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Flex>
  );
}

function HistoryList({ entries, language, mask }: { entries: AuditEntry[]; language: Language; mask: MaskPattern }) {
  const t = useT();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('talents.detail.historyEmpty')} />;
  return (
    <Flex vertical gap={12} data-testid="talent-history">
      {entries.map((entry) => {
        const rows = entry.changes
          .filter((change) => change.field !== 'id' && change.field !== 'createdAt')
          .map((change) => {
            const [before, after] = historyValue(change, language, mask).split('\u0000');
            const field = talentFieldByKey.get(change.field as TalentFieldKey);
            return { key: change.field, field: field ? fieldLabel(field, language) : change.field, before, after };
          });
        return (
          <Card
            key={entry.id}
            size="small"
            data-testid="talent-history-entry"
            title={
              <Flex gap={8} align="center" wrap>
                <Tag color={entry.action === 'reveal' ? 'gold' : entry.action === 'create' ? 'green' : 'blue'}>{t(`sections.audit.actions.${entry.action}`)}</Tag>
                <Typography.Text>{formatDateTime(entry.at)}</Typography.Text>
                <Typography.Text type="secondary">{entry.operator}</Typography.Text>
                {entry.note && <Typography.Text type="secondary">· {entry.note}</Typography.Text>}
              </Flex>
            }
          >
            {entry.action === 'reveal' ? (
              <Typography.Text>{t('talents.detail.historyRevealed')}</Typography.Text>
            ) : rows.length === 0 ? (
              <Typography.Text type="secondary">{entry.action === 'create' ? t('talents.detail.historyCreated') : '—'}</Typography.Text>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={rows}
                columns={[
                  { key: 'field', title: t('talents.detail.historyField'), dataIndex: 'field', width: 160 },
                  ...(entry.action === 'create' ? [] : [{ key: 'before', title: t('talents.detail.historyBefore'), dataIndex: 'before' }]),
                  { key: 'after', title: t('talents.detail.historyAfter'), dataIndex: 'after' },
                ]}
              />
            )}
          </Card>
        );
      })}
    </Flex>
  );
}

/** The route: one component per record id, so revealed values never carry over to another record. */
export function TalentDetailPage() {
  const { id = '' } = useParams();
  return <TalentDetail key={id} id={id} />;
}

function TalentDetail({ id }: { id: string }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const settings = useSettings();
  const mask = settings?.maskPattern ?? DEFAULT_MASK_PATTERN;
  // `null` = looked up and not found; undefined = loading.
  const talent = useLiveQuery(async () => (await getTalent(id)) ?? null, [id]);
  const history = useLiveQuery(() => listTalentHistory(id), [id]);
  const certifications = useLiveQuery(() => listTalentCertifications(id), [id]);
  const enrollments = useLiveQuery(async () => {
    const rows = await listTalentEnrollments(id);
    const rosters = await getDatabase().rosters.bulkGet([...new Set(rows.map((row) => row.rosterId))]);
    const names = new Map(rosters.filter((roster) => roster !== undefined).map((roster) => [roster.id, roster.name]));
    return rows.map((row) => ({ ...row, rosterName: names.get(row.rosterId) ?? row.rosterId }));
  }, [id]);
  // Shown until the clerk leaves the page (component state only: never stored, logged or in the URL).
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [statusOpen, setStatusOpen] = useState(false);

  if (talent === undefined) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (talent === null) {
    return (
      <Flex vertical gap={16}>
        <Link to="/talents">
          <ArrowLeftOutlined /> {t('talents.detail.back')}
        </Link>
        <Alert type="warning" showIcon title={t('talents.detail.notFound')} />
      </Flex>
    );
  }

  async function reveal() {
    setRevealing(true);
    try {
      const result = await revealTalentPersonalData(id);
      if (result.ok) {
        setRevealed(result.value);
        message.info(t('talents.detail.revealed'));
      } else message.error(language === 'en' ? (result.error.messageEn ?? result.error.message) : result.error.message);
    } finally {
      setRevealing(false);
    }
  }

  async function restore() {
    const result = await changeTalentStatus(id, { status: 'active' });
    if (result.ok) message.success(t('talents.detail.restored'));
    else message.error(language === 'en' ? (result.error.messageEn ?? result.error.message) : result.error.message);
  }

  const statusField = fieldOf('status');
  const idValue = profileValue(talent, 'idNumber', language, mask, revealed);
  const phoneValue = profileValue(talent, 'phone', language, mask, revealed);

  return (
    <Flex vertical gap={16} data-testid="talent-detail">
      <Link to="/talents">
        <ArrowLeftOutlined /> {t('talents.detail.back')}
      </Link>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Flex vertical gap={8}>
            <Flex align="center" gap={12}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="talent-name">
                {talent.name}
              </Typography.Title>
              <Tag color={STATUS_COLORS[talent.status]}>{displayValue(statusField, talent.status, language)}</Tag>
            </Flex>
            <Flex gap={24} wrap align="center">
              <Typography.Text>
                {fieldLabel(fieldOf('idType'), language)}：{displayValue(fieldOf('idType'), talent.idType, language)}
              </Typography.Text>
              <Typography.Text>
                {fieldLabel(fieldOf('idNumber'), language)}：<Typography.Text code data-testid="talent-id-number">{idValue}</Typography.Text>
              </Typography.Text>
              <Typography.Text>
                {fieldLabel(fieldOf('phone'), language)}：<Typography.Text code data-testid="talent-phone">{phoneValue}</Typography.Text>
              </Typography.Text>
              {!revealed && (
                <Button size="small" icon={<EyeOutlined />} loading={revealing} onClick={() => void reveal()} title={t('talents.detail.revealTitle')}>
                  {t('talents.detail.reveal')}
                </Button>
              )}
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/talents/${talent.id}/edit`)}>
              {t('talents.detail.edit')}
            </Button>
            {talent.status === 'active' ? (
              <Button icon={<LogoutOutlined />} onClick={() => setStatusOpen(true)}>
                {t('talents.detail.moveOut')}
              </Button>
            ) : (
              <Popconfirm title={t('talents.detail.restoreConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void restore()}>
                <Button icon={<RollbackOutlined />}>{t('talents.detail.restore')}</Button>
              </Popconfirm>
            )}
          </Flex>
        </Flex>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'profile',
              label: t('talents.detail.tabProfile'),
              children: (
                <Flex vertical gap={16} data-testid="talent-profile">
                  {PROFILE_GROUPS.map((group) => (
                    <Descriptions key={group.title} title={t(group.title)} size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
                      {group.keys.map((key) => (
                        <Descriptions.Item key={key} label={fieldLabel(fieldOf(key), language)}>
                          {profileValue(talent, key, language, mask, revealed)}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  ))}
                  <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                    <Descriptions.Item label={t('talents.detail.createdAt')}>{formatDateTime(talent.createdAt)}</Descriptions.Item>
                    <Descriptions.Item label={t('talents.detail.updatedAt')}>{formatDateTime(talent.updatedAt)}</Descriptions.Item>
                  </Descriptions>
                </Flex>
              ),
            },
            {
              key: 'certifications',
              label: t('talents.detail.tabCertifications'),
              children:
                certifications && certifications.length > 0 ? (
                  <Table
                    size="small"
                    rowKey="id"
                    dataSource={certifications}
                    pagination={false}
                    columns={[
                      { key: 'status', title: t('talents.detail.applicationStatus'), dataIndex: 'status' },
                      { key: 'updatedAt', title: t('talents.detail.updatedAt'), dataIndex: 'updatedAt', render: (value: string) => formatDateTime(value) },
                    ]}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<EmptyText title={t('talents.detail.certificationsEmpty')} hint={t('talents.detail.certificationsEmptyHint')} />} />
                ),
            },
            {
              key: 'training',
              label: t('talents.detail.tabTraining'),
              children:
                enrollments && enrollments.length > 0 ? (
                  <Table
                    size="small"
                    rowKey="id"
                    dataSource={enrollments}
                    pagination={false}
                    columns={[
                      { key: 'roster', title: t('talents.detail.rosterId'), dataIndex: 'rosterName' },
                      { key: 'createdAt', title: t('talents.detail.enrolledAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
                    ]}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<EmptyText title={t('talents.detail.trainingEmpty')} hint={t('talents.detail.trainingEmptyHint')} />} />
                ),
            },
            {
              key: 'history',
              label: `${t('talents.detail.tabHistory')}${history ? ` (${history.length})` : ''}`,
              children: <HistoryList entries={history ?? []} language={language} mask={mask} />,
            },
          ]}
        />
      </Card>
      {statusOpen && <TalentStatusModal talent={talent} open={statusOpen} onClose={() => setStatusOpen(false)} />}
    </Flex>
  );
}
