export { BackupPage } from './BackupPage';
export { StartupNotice } from './StartupNotice';
