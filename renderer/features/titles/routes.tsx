/** 职称评审 sub-routes (the list itself is the `/titles` section). Pages load lazily. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const ApplicationDetailPage = lazy(() => import('./ApplicationDetailPage').then((module) => ({ default: module.ApplicationDetailPage })));
const SummarySheetPage = lazy(() => import('./SummarySheetPage').then((module) => ({ default: module.SummarySheetPage })));
const BatchPage = lazy(() => import('./BatchPage').then((module) => ({ default: module.BatchPage })));
const PublicityPrintPage = lazy(() => import('./PublicityPrintPage').then((module) => ({ default: module.PublicityPrintPage })));

/** `/titles/:id`, `/titles/:id/sheet`, `/titles/batches/:id`, `/titles/batches/:id/publicity`. */
export const titleRoutes: RouteObject[] = [
  { path: 'titles/batches/:id', element: <BatchPage /> },
  { path: 'titles/batches/:id/publicity', element: <PublicityPrintPage /> },
  { path: 'titles/:id', element: <ApplicationDetailPage /> },
  { path: 'titles/:id/sheet', element: <SummarySheetPage /> },
];
