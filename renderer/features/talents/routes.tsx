/** The registry's sub-routes (the list itself is the `/talents` section). Pages load lazily. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const TalentDetailPage = lazy(() => import('./TalentDetailPage').then((module) => ({ default: module.TalentDetailPage })));
const TalentFormPage = lazy(() => import('./TalentFormPage').then((module) => ({ default: module.TalentFormPage })));

/** `/talents/new`, `/talents/:id` (the record's UUID, never its ID number) and `/talents/:id/edit`. */
export const talentRoutes: RouteObject[] = [
  { path: 'talents/new', element: <TalentFormPage key="new" /> },
  { path: 'talents/:id', element: <TalentDetailPage /> },
  { path: 'talents/:id/edit', element: <TalentFormPage key="edit" /> },
];
