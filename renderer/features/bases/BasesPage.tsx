/** 培训基地 (training bases). Empty until the training-base issue builds it. */
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { useT } from '../../i18n';

export function BasesPage() {
  const t = useT();
  return (
    <SectionPage title={t('sections.bases.title')}>
      <SectionEmpty
        title={t('sections.bases.emptyTitle')}
        description={t('sections.bases.emptyDescription')}
      />
    </SectionPage>
  );
}
