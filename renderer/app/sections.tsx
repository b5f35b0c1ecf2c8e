/**
 * The nine sections: one table drives the routes and the side menu. Pages load lazily so a
 * heavy section (charts, Excel) costs nothing until it is opened.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
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
  page: LazyExoticComponent<ComponentType>;
}

export const sections: readonly Section[] = [
  {
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    icon: <DashboardOutlined />,
    page: lazy(() => import('../features/dashboard').then((module) => ({ default: module.DashboardPage }))),
  },
  {
    path: '/talents',
    labelKey: 'nav.talents',
    icon: <TeamOutlined />,
    page: lazy(() => import('../features/talents').then((module) => ({ default: module.TalentsPage }))),
  },
  {
    path: '/titles',
    labelKey: 'nav.titles',
    icon: <SafetyCertificateOutlined />,
    page: lazy(() => import('../features/titles').then((module) => ({ default: module.TitlesPage }))),
  },
  {
    path: '/bases',
    labelKey: 'nav.bases',
    icon: <BankOutlined />,
    page: lazy(() => import('../features/bases').then((module) => ({ default: module.BasesPage }))),
  },
  {
    path: '/rosters',
    labelKey: 'nav.rosters',
    icon: <SolutionOutlined />,
    page: lazy(() => import('../features/rosters').then((module) => ({ default: module.RostersPage }))),
  },
  {
    path: '/reports',
    labelKey: 'nav.reports',
    icon: <BarChartOutlined />,
    page: lazy(() => import('../features/reports').then((module) => ({ default: module.ReportsPage }))),
  },
  {
    path: '/backup',
    labelKey: 'nav.backup',
    icon: <CloudServerOutlined />,
    page: lazy(() => import('../features/backup').then((module) => ({ default: module.BackupPage }))),
  },
  {
    path: '/audit',
    labelKey: 'nav.audit',
    icon: <AuditOutlined />,
    page: lazy(() => import('../features/audit').then((module) => ({ default: module.AuditPage }))),
  },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    icon: <SettingOutlined />,
    page: lazy(() => import('../features/settings').then((module) => ({ default: module.SettingsPage }))),
  },
];

export const HOME_PATH = '/dashboard';
