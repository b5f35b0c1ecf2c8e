/** 人才库 (talent records). The list, search, forms and import arrive with the talent issues; until then it says how many records exist. */
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { useTalentCount } from '../../db';
import { useT } from '../../i18n';

export function TalentsPage() {
  const t = useT();
  const count = useTalentCount();
  return (
    <SectionPage title={t('sections.talents.title')}>
      {count === undefined ? null : count === 0 ? (
        <SectionEmpty
          title={t('sections.talents.emptyTitle')}
          description={t('sections.talents.emptyDescription')}
        />
      ) : (
        <SectionEmpty
          title={t('sections.talents.pendingTitle', { count: count.toLocaleString() })}
          description={t('sections.talents.pendingDescription')}
        />
      )}
    </SectionPage>
  );
}
