export { TitlesPage } from './TitlesPage';
