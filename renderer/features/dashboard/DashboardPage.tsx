/** 工作台: counts at a glance. Empty state until there are talents; fuller widgets come with later issues. */
import { Col, Row, Statistic } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { getDatabase } from '../../db';
import { useT } from '../../i18n';

async function countTalents() {
  const db = getDatabase();
  // Index-only counts (the `status` index of schema v2): no record is loaded.
  const [total, active, movedOut, cancelled] = await Promise.all([
    db.talents.count(),
    db.talents.where('status').equals('active').count(),
    db.talents.where('status').equals('movedOut').count(),
    db.talents.where('status').equals('cancelled').count(),
  ]);
  return { total, active, movedOut, cancelled };
}

export function DashboardPage() {
  const t = useT();
  const counts = useLiveQuery(countTalents, []);
  return (
    <SectionPage title={t('sections.dashboard.title')}>
      {counts === undefined ? null : counts.total === 0 ? (
        <SectionEmpty
          title={t('sections.dashboard.emptyTitle')}
          description={t('sections.dashboard.emptyDescription')}
          action={{ label: t('sections.dashboard.action'), to: '/talents' }}
        />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('sections.dashboard.total')} value={counts.total} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('sections.dashboard.active')} value={counts.active} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('sections.dashboard.movedOut')} value={counts.movedOut} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('sections.dashboard.cancelled')} value={counts.cancelled} />
          </Col>
        </Row>
      )}
    </SectionPage>
  );
}
