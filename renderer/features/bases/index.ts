export { BasesPage } from './BasesPage';
