export { RostersPage } from './RostersPage';
