/** 花名册 (training rosters per base and class). Empty until the roster issue builds it. */
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { useT } from '../../i18n';

export function RostersPage() {
  const t = useT();
  return (
    <SectionPage title={t('sections.rosters.title')}>
      <SectionEmpty
        title={t('sections.rosters.emptyTitle')}
        description={t('sections.rosters.emptyDescription')}
        action={{ label: t('sections.rosters.action'), to: '/bases' }}
      />
    </SectionPage>
  );
}
