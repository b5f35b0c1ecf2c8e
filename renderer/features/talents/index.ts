export { TalentListPage as TalentsPage } from './TalentListPage';
