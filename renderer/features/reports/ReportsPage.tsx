/** 统计报表 (statistics over the talent pool). Until the reports issue builds it, it says how many records there are to report on. */
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { useTalentCount } from '../../db';
import { useT } from '../../i18n';

export function ReportsPage() {
  const t = useT();
  const count = useTalentCount();
  return (
    <SectionPage title={t('sections.reports.title')}>
      {count === undefined ? null : count === 0 ? (
        <SectionEmpty
          title={t('sections.reports.emptyTitle')}
          description={t('sections.reports.emptyDescription')}
          action={{ label: t('sections.reports.action'), to: '/talents' }}
        />
      ) : (
        <SectionEmpty
          title={t('sections.reports.pendingTitle', { count: count.toLocaleString() })}
          description={t('sections.reports.pendingDescription')}
        />
      )}
    </SectionPage>
  );
}
