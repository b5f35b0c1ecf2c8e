/** 职称评审: applications (state, next step, deadline) and review batches. */
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { SectionPage } from '../../components/SectionPage';
import { useT } from '../../i18n';
import { ApplicationList } from './ApplicationList';
import { BatchList } from './BatchList';

export function TitlesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'batches' ? 'batches' : 'applications';
  return (
    <SectionPage title={t('sections.titles.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'batches' ? { tab: 'batches' } : {})}
        items={[
          { key: 'applications', label: t('titles.tabs.applications'), children: <ApplicationList /> },
          { key: 'batches', label: t('titles.tabs.batches'), children: <BatchList /> },
        ]}
      />
    </SectionPage>
  );
}
