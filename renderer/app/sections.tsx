/**
 * The nine sections: one table drives the routes and the side menu. Pages load lazily so a
 * heavy section (charts, Excel) costs nothing until it is opened.
 */
import { lazy, type ComponentType, type ReactNode } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { PlainMessageKey } from '../i18n';

export interface Section {
  /** Route path, also the menu key. */
  path: string;
  labelKey: PlainMessageKey;
  icon: ReactNode;
  page: ComponentType;
  /** Starts loading the page's code (the start-up does it for the section it opens on). */
  preload: () => Promise<unknown>;
}

/**
 * A lazily loaded page and its preload, sharing one module promise. Once the code is loaded the page
 * renders it directly: React.lazy would still suspend on its first render, and React holds a
 * revealed Suspense boundary back for up to 300 ms — the section the app starts on would pay that.
 */
function lazyPage(load: () => Promise<ComponentType>): Pick<Section, 'page' | 'preload'> {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const LazyPage = lazy(() => preload().then((component) => ({ default: component })));
  function SectionRoute() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <LazyPage />;
  }
  return { page: SectionRoute, preload };
}

export const sections: readonly Section[] = [
  {
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    icon: <DashboardOutlined />,
    ...lazyPage(() => import('../features/dashboard').then((module) => module.DashboardPage)),
  },
  {
    path: '/talents',
    labelKey: 'nav.talents',
    icon: <TeamOutlined />,
    ...lazyPage(() => import('../features/talents').then((module) => module.TalentsPage)),
  },
  {
    path: '/titles',
    labelKey: 'nav.titles',
    icon: <SafetyCertificateOutlined />,
    ...lazyPage(() => import('../features/titles').then((module) => module.TitlesPage)),
  },
  {
    path: '/bases',
    labelKey: 'nav.bases',
    icon: <BankOutlined />,
    ...lazyPage(() => import('../features/bases').then((module) => module.BasesPage)),
  },
  {
    path: '/rosters',
    labelKey: 'nav.rosters',
    icon: <SolutionOutlined />,
    ...lazyPage(() => import('../features/rosters').then((module) => module.RostersPage)),
  },
  {
    path: '/reports',
    labelKey: 'nav.reports',
    icon: <BarChartOutlined />,
    ...lazyPage(() => import('../features/reports').then((module) => module.ReportsPage)),
  },
  {
    path: '/backup',
    labelKey: 'nav.backup',
    icon: <CloudServerOutlined />,
    ...lazyPage(() => import('../features/backup').then((module) => module.BackupPage)),
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    ...lazyPage(() => import('../features/audit').then((module) => module.AuditPage)),
  },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    icon: <SettingOutlined />,
    ...lazyPage(() => import('../features/settings').then((module) => module.SettingsPage)),
  },
];

export const HOME_PATH = '/dashboard';

/**
 * Starts loading the code of the section a start-up URL opens (`#/talents/…` → 人才库), so it
 * arrives while the database opens instead of after; the start-up waits for it before the first
 * render. Resolves (never rejects) once loaded or failed: a failed load shows on the page itself.
 */
export function preloadSectionOf(hash: string): Promise<void> {
  const route = hash.replace(/^#/, '').split(/[?#]/)[0] ?? '';
  const path = route === '' || route === '/' ? HOME_PATH : route;
  const section = sections.find((candidate) => path === candidate.path || path.startsWith(`${candidate.path}/`));
  return section ? section.preload().then(() => undefined, () => undefined) : Promise.resolve();
}
