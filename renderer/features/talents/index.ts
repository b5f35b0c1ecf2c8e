export { TalentsPage } from './TalentsPage';
