/** English dictionary. Typed as `Dictionary`, so it must carry exactly the keys of zh.ts. */
import type { Dictionary } from './types';

import { talentsEn } from './messages/talents';
import { importEn } from './messages/import';
import { backupEn } from './messages/backup';
import { basesEn } from './messages/bases';
import { titlesEn } from './messages/titles';
import { reportsEn } from './messages/reports';
export const en: Dictionary = {
  talents: talentsEn,
  import: importEn,
  backup: backupEn,
  bases: basesEn,
  titles: titlesEn,
  reports: reportsEn,
  app: {
    name: 'TalentLedger',
    subtitle: 'Shanghai AI talent ledger',
    loading: 'Loading…',
    dbOpenFailed: 'Cannot open the local database',
    dbOpenFailedHint: 'Close any other TalentLedger window and try again. Error: {message}',
    reload: 'Reload',
  },
  nav: {
    dashboard: 'Dashboard',
    talents: 'Talents',
    titles: 'Title reviews',
    bases: 'Training bases',
    rosters: 'Rosters',
    reports: 'Reports',
    backup: 'Backup',
    audit: 'Audit log',
    settings: 'Settings',
    menu: 'Main menu',
  },
  role: {
    bureau: 'HR & Social Security Bureau',
    base: 'Training base',
  },
  header: {
    operator: 'Operator',
    language: 'Language',
    collapse: 'Collapse menu',
    expand: 'Expand menu',
  },
  language: {
    zhCN: '中文',
    en: 'English',
  },
  common: {
    save: 'Save',
    saved: 'Saved',
    cancel: 'Cancel',
    confirm: 'OK',
    required: 'Required',
    unknown: 'Unknown',
    yes: 'Yes',
    no: 'No',
    notSupported: 'Not supported here',
  },
  sections: {
    dashboard: {
      title: 'Dashboard',
      emptyTitle: 'Nothing to show yet',
      emptyDescription:
        'The dashboard will sum up the number of talents, pending title applications and upcoming training classes. Start by adding or importing people in Talents.',
      action: 'Go to Talents',
      total: 'Talents in total',
      active: 'In the pool',
      movedOut: 'Moved out',
      cancelled: 'Cancelled',
    },
    talents: {
      title: 'Talents',
      emptyTitle: 'Start your talent ledger',
      emptyDescription: 'No talent records yet. Add them here or import them from Excel; Settings can generate demo data.',
      pendingTitle: 'The talent pool holds {count} records',
      pendingDescription: 'The list, search, editing and Excel import are being built; the dashboard already counts these records by status.',
    },
    titles: {
      title: 'Title reviews',
      emptyTitle: 'No title applications yet',
      emptyDescription:
        'A title application starts from a person in Talents and goes through application, review, public notice, expert panel and certificate. Add the applicants in Talents first.',
      action: 'Go to Talents',
    },
    bases: {
      title: 'Training bases',
      emptyTitle: 'No training bases yet',
      emptyDescription:
        'Register the talent training bases here: universities, research institutes and leading companies. Once a base exists you can create its rosters.',
    },
    rosters: {
      title: 'Rosters',
      emptyTitle: 'No training rosters yet',
      emptyDescription:
        'A roster lists the trainees of one class at a base with their hours and assessment results, and can be imported from Excel. Register a training base first.',
      action: 'Go to Training bases',
    },
    reports: {
      title: 'Reports',
      emptyTitle: 'No data to report yet',
      emptyDescription:
        'Reports sum up the talents by education, age band, title, skill level, district and category, and export to Excel. Add or import talents first.',
      pendingTitle: '{count} talent records are ready to report on',
      pendingDescription: 'Reports by education, age band, title, skill level, district and category are being built.',
      action: 'Go to Talents',
    },
    backup: {
      title: 'Backup',
      emptyTitle: 'No backups yet',
      emptyDescription:
        'A backup saves all data into one file that can be restored when something goes wrong. Back up once at the end of each working day.',
    },
    audit: {
      title: 'Audit log',
      emptyTitle: 'No operations recorded yet',
      emptyDescription:
        'Every add, change, import, delete and reveal of a full ID number is recorded here with the operator, the time and the changed fields.',
      count: '{count} entries',
      columns: {
        at: 'Time',
        operator: 'Operator',
        action: 'Action',
        entity: 'Record',
        changes: 'Changes',
        note: 'Note',
      },
      actions: {
        create: 'Add',
        update: 'Change',
        delete: 'Delete',
        import: 'Import',
        reveal: 'Reveal full data',
        restore: 'Restore backup',
        settings: 'Change settings',
      },
      entities: {
        talent: 'Talent',
        certificationApplication: 'Title application',
        trainingBase: 'Training base',
        roster: 'Roster',
        enrollment: 'Trainee',
        reviewBatch: 'Review batch',
        titleCertificate: 'Title certificate',
        holidayCalendar: 'Holiday calendar',
        reportSnapshot: 'Report snapshot',
        settings: 'Settings',
        backup: 'Backup',
      },
    },
    settings: {
      title: 'Settings',
    },
  },
  firstRun: {
    title: 'Welcome to TalentLedger',
    description:
      'First start: please enter the operator. Every audit log entry records the operator’s name; you can change it later in Settings.',
    operatorName: 'Operator name',
    operatorNamePlaceholder: 'e.g. Zhang San',
    operatorNameRequired: 'Please enter the operator name',
    role: 'Organisation type',
    submit: 'Start',
    storageNote: 'All data stays on this computer and is never uploaded to any server.',
    auditNote: 'First start: operator registered',
  },
  settings: {
    operatorSection: 'Operator',
    operatorName: 'Operator name',
    role: 'Organisation type',
    languageSection: 'Language',
    storageSection: 'Local storage',
    persisted: 'Persistent storage',
    persistedYes: 'Granted (the browser will not evict this app’s data on its own)',
    persistedNo: 'Not granted (the browser may clear data when the disk is low; back up regularly)',
    persistedUnknown: 'Cannot be queried here',
    usage: 'Used',
    quota: 'Quota',
    usageOfQuota: '{usage} / {quota} ({percent}%)',
    requestPersist: 'Request persistent storage',
    aboutSection: 'About',
    version: 'Version',
    runtime: 'Runtime',
    runtimeBrowser: 'Browser',
    runtimeElectron: 'Desktop',
    backupFolder: 'Backup location',
    savedOperator: 'Operator saved',
  },
  demo: {
    title: 'Demo data',
    description:
      'Generates fictitious people (ID numbers and credit codes pass their checks) to try the app out or to demonstrate it. Demo data can be removed at any time without touching real records.',
    count: 'Number of records',
    countOption: '{count} records',
    generate: 'Generate demo data',
    remove: 'Remove demo data',
    removeConfirm: 'Remove all {count} demo records?',
    current: '{count} demo records now',
    added: '{count} demo records generated',
    removed: '{count} demo records removed',
    canceled: 'Canceled; nothing was written',
    auditAdd: 'Demo data generated',
    auditRemove: 'Demo data removed',
  },
  fileDrop: {
    hint: 'Drop files here, or click to choose',
    dropNow: 'Release to add the files',
    reading: 'Reading file…',
  },
  errors: {
    unexpected: 'Unexpected error: {message}',
    notFound: 'Page not found',
    backHome: 'Back to Dashboard',
  },
};
