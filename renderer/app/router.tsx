/**
 * Hash routes: they work under Electron's app:// protocol and on any static server without
 * rewrite rules, and a reload keeps the current section.
 */
import { lazy } from 'react';
import { Button, Result } from 'antd';
import { createHashRouter, Navigate } from 'react-router-dom';
import { talentRoutes } from '../features/talents/routes';
import { titleRoutes } from '../features/titles/routes';
import { useT } from '../i18n';
import { AppShell } from './AppShell';
import { HOME_PATH, sections } from './sections';

/** The import wizard: reached from 人才库 (导入) and 花名册, not a menu section. */
const ImportPage = lazy(() => import('../features/import').then((module) => ({ default: module.ImportPage })));

function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.notFound')}
      extra={
        <Button type="primary" href={`#${HOME_PATH}`}>
          {t('errors.backHome')}
        </Button>
      }
    />
  );
}

/** Builds the router (a function so tests and hot reload get a fresh one). */
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppShell />,
      children: [
        { index: true, element: <Navigate to={HOME_PATH} replace /> },
        ...sections.map((section) => ({ path: section.path.slice(1), element: <section.page /> })),
        ...talentRoutes,
        ...titleRoutes,
        { path: 'import', element: <ImportPage /> },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
