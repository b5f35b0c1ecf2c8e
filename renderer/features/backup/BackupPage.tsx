/** 数据备份 (backup and restore). Empty until the backup issue builds it. */
import { SectionEmpty } from '../../components/SectionEmpty';
import { SectionPage } from '../../components/SectionPage';
import { useT } from '../../i18n';

export function BackupPage() {
  const t = useT();
  return (
    <SectionPage title={t('sections.backup.title')}>
      <SectionEmpty
        title={t('sections.backup.emptyTitle')}
        description={t('sections.backup.emptyDescription')}
      />
    </SectionPage>
  );
}
