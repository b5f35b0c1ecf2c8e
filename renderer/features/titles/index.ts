export { TitlesPage } from './TitlesPage';
export { titleRoutes } from './routes';
