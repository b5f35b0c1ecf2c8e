/** One application: snapshot, eligibility per rule, materials, history, the next steps, certificate. */
import { useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Descriptions, Empty, Flex, Input, List, Space, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import { APPLICATION_TRANSITIONS, evaluateEligibility, missingMaterials, requiredMaterials, wholeYearsBetween, type ApplicationStatus, type MaterialKey } from '../../../shared/certification';
import { maskIdNumber } from '../../../shared/identity/mask';
import { todayYmd } from '../../../shared/dates/ymd';
import { formatDateTime } from '../../components/format';
import { SectionPage } from '../../components/SectionPage';
import { getApplication, listApplicationTransitions, listCertificates, revokeCertificate, updateApplication } from '../../data/applications';
import { useSettings } from '../../db';
import { useLanguage, useT } from '../../i18n';
import { levelLabel, materialLabel, routeLabel, ruleLabel, statusColor, statusLabel } from './labels';
import { TransitionModal } from './TransitionModal';

const OUTCOME_COLOR = { met: 'green', notMet: 'red', unknown: 'orange' } as const;

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const settings = useSettings();
  const application = useLiveQuery(() => getApplication(id), [id]);
  const history = useLiveQuery(() => listApplicationTransitions(id), [id]);
  const certificates = useLiveQuery(() => listCertificates({ applicationId: id }), [id]);
  const [moving, setMoving] = useState<ApplicationStatus | null>(null);
  const [notes, setNotes] = useState('');
  const [revokeReason, setRevokeReason] = useState('');

  useEffect(() => setNotes(application?.reviewerNotes ?? ''), [application?.reviewerNotes]);

  if (application === undefined) {
    return (
      <SectionPage title={t('nav.titles')}>
        <Empty description={t('titles.detail.notFound')} />
      </SectionPage>
    );
  }
  const { snapshot } = application;
  const eligibility = settings ? evaluateEligibility(application, settings.titleRules) : [];
  const missing = new Set(missingMaterials(application));
  const mask = settings?.maskPattern;
  const nextStates = APPLICATION_TRANSITIONS[application.status];

  async function toggleMaterial(key: MaterialKey, received: boolean) {
    if (application === undefined) return;
    const set = new Set(application.materialsReceived);
    if (received) set.add(key);
    else set.delete(key);
    const result = await updateApplication(application.id, { materialsReceived: requiredMaterials(application.route).filter((material) => set.has(material)) });
    if (!result.ok) void message.error(result.error.message);
  }

  return (
    <SectionPage
      title={
        <Space>
          {snapshot.name}
          <Tag color={statusColor(application.status)} data-testid="application-status">
            {statusLabel(application.status, language)}
          </Tag>
        </Space>
      }
      extra={
        <Space>
          <Link to={`/titles/${application.id}/sheet`}>{t('titles.detail.summarySheet')}</Link>
          <Link to="/titles">{t('titles.detail.back')}</Link>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Card size="small" title={t('titles.detail.actions')}>
          {nextStates.length === 0 ? (
            <Typography.Text type="secondary">{t('titles.detail.noActions')}</Typography.Text>
          ) : (
            <Space wrap>
              {nextStates.map((status) => (
                <Button key={status} danger={status === 'withdrawn' || status === 'returned' || status === 'reviewFailed' || status === 'publicityObjection'} type={status === nextStates[0] ? 'primary' : 'default'} onClick={() => setMoving(status)} data-testid={`to-${status}`}>
                  {statusLabel(status, language)}
                </Button>
              ))}
            </Space>
          )}
        </Card>
        <Descriptions size="small" bordered column={3} title={t('titles.detail.snapshot')}>
          <Descriptions.Item label={t('titles.columns.documentNumber')}>{application.documentNumber}</Descriptions.Item>
          <Descriptions.Item label={t('titles.columns.idNumber')}>{maskIdNumber(snapshot.idNumber, mask ? { keepStart: mask.idNumberKeepStart, keepEnd: mask.idNumberKeepEnd } : undefined)}</Descriptions.Item>
          <Descriptions.Item label={t('titles.columns.employer')}>{snapshot.employer}</Descriptions.Item>
          <Descriptions.Item label={t('titles.columns.level')}>{`${application.year} · ${levelLabel(application.level, language)}`}</Descriptions.Item>
          <Descriptions.Item label={t('titles.columns.route')}>{routeLabel(application.route, language)}</Descriptions.Item>
          <Descriptions.Item label={t('titles.detail.yearsInTitle')}>
            {`${levelLabel(snapshot.currentTitle, language)} ${snapshot.currentTitleObtainedOn} · ${t('titles.detail.yearsValue', { years: snapshot.currentTitleObtainedOn ? wholeYearsBetween(snapshot.currentTitleObtainedOn, todayYmd()) : '—' })}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('titles.detail.continuingEducation')} span={2}>
            {[...application.continuingEducation].sort((a, b) => a.year - b.year).map((entry) => `${entry.year}: ${entry.totalHours}/${entry.professionalHours}`).join('　')}
          </Descriptions.Item>
          <Descriptions.Item label={t('titles.detail.achievements')}>
            {t('titles.detail.achievementsCounts', application.achievements)}
          </Descriptions.Item>
        </Descriptions>
        <Card size="small" title={t('titles.detail.eligibility')} data-testid="eligibility">
          <List
            size="small"
            dataSource={eligibility}
            renderItem={(entry) => (
              <List.Item>
                <Space>
                  <Tag color={OUTCOME_COLOR[entry.outcome]}>{t(`titles.detail.outcome.${entry.outcome}`)}</Tag>
                  <Typography.Text strong>{ruleLabel(entry.rule, language)}</Typography.Text>
                  <Typography.Text>{language === 'en' ? entry.messageEn : entry.message}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={`${t('titles.detail.materials')}${missing.size > 0 ? ` · ${t('titles.detail.materialsMissing', { count: missing.size })}` : ''}`}>
          <Flex wrap gap={12}>
            {requiredMaterials(application.route).map((key) => (
              <Checkbox key={key} checked={!missing.has(key)} onChange={(event) => void toggleMaterial(key, event.target.checked)}>
                {materialLabel(key, language)}
              </Checkbox>
            ))}
          </Flex>
        </Card>
        <Card size="small" title={t('titles.detail.reviewerNotes')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input value={notes} onChange={(event) => setNotes(event.target.value)} />
            <Button
              onClick={async () => {
                const result = await updateApplication(application.id, { reviewerNotes: notes });
                if (result.ok) void message.success(t('titles.detail.notesSaved'));
                else void message.error(result.error.message);
              }}
            >
              {t('titles.detail.saveNotes')}
            </Button>
          </Space.Compact>
        </Card>
        {certificates && certificates.length > 0 && (
          <Card size="small" title={t('titles.detail.certificate')} data-testid="certificate">
            {certificates.map((certificate) => (
              <Flex key={certificate.id} gap={8} align="center" wrap>
                <Typography.Text strong>{certificate.number}</Typography.Text>
                <Typography.Text type="secondary">{certificate.issuedOn}</Typography.Text>
                {certificate.revokedOn !== '' ? (
                  <Tag color="red">{t('titles.detail.revoked', { date: certificate.revokedOn, reason: certificate.revocationReason })}</Tag>
                ) : (
                  <Space.Compact>
                    <Input placeholder={t('titles.detail.revokeReason')} value={revokeReason} onChange={(event) => setRevokeReason(event.target.value)} />
                    <Button
                      danger
                      disabled={revokeReason.trim() === ''}
                      onClick={async () => {
                        const result = await revokeCertificate(certificate.id, revokeReason);
                        if (!result.ok) void message.error(result.error.message);
                      }}
                    >
                      {t('titles.detail.revoke')}
                    </Button>
                  </Space.Compact>
                )}
              </Flex>
            ))}
          </Card>
        )}
        <Card size="small" title={t('titles.detail.history')}>
          <Timeline
            data-testid="history"
            items={(history ?? []).map((row) => ({
              content: `${formatDateTime(row.at)} ${row.operator}：${statusLabel(row.from, language)} → ${statusLabel(row.to, language)}${row.note ? `（${row.note}）` : ''}`,
            }))}
          />
        </Card>
      </Flex>
      {moving && <TransitionModal applications={[application]} to={moving} onClose={() => setMoving(null)} />}
    </SectionPage>
  );
}
