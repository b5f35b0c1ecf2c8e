/** 职称评审 (title applications and their review workflow). Empty until the certification issue builds it. */
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { useT } from '../../i18n';

export function TitlesPage() {
  const t = useT();
  return (
    <SectionPage title={t('sections.titles.title')}>
      <SectionEmpty
        title={t('sections.titles.emptyTitle')}
        description={t('sections.titles.emptyDescription')}
        action={{ label: t('sections.titles.action'), to: '/talents' }}
      />
    </SectionPage>
  );
}
