/**
 * electron-builder configuration: Windows NSIS (x64) and Debian-family Linux (deb + AppImage, x64 and
 * arm64 — 统信UOS and 麒麟 are Debian-based). `npm run dist` builds first, then packages dist/**.
 *
 * Set TL_TEST_BUILD=1 for a build that Playwright can drive: it keeps the Node inspect-argument fuse on
 * (Playwright's `_electron.launch` attaches through it). Shipped builds turn it off.
 */
const isTestBuild = process.env.TL_TEST_BUILD === '1';

/** @type {import('electron-builder').Configuration} */
const config = {
  // The app id and product name decide the install folder and the user-data folder that holds the
  // IndexedDB database: never change them after a release without a data migration.
  appId: 'cn.gov.sh.talentledger',
  productName: '人才台账',
  // ASCII executable name: some Linux launchers and Windows tools still stumble over CJK file names.
  executableName: 'talentledger',
  copyright: 'Copyright © 2026 TalentLedger',
  artifactName: 'TalentLedger-${version}-${os}-${arch}.${ext}',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  files: ['dist/**', 'package.json', '!dist/**/*.map'],
  asar: true,
  // No native modules: nothing to rebuild, and no install scripts run at package time.
  npmRebuild: false,
  publish: null,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: isTestBuild,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // We never load file:// pages (the renderer comes from app://), so file:// gets no extra rights.
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '人才台账',
    // Uninstalling must not take the clerk's database with it.
    deleteAppDataOnUninstall: false,
    installerIcon: 'build/icons/icon.ico',
    uninstallerIcon: 'build/icons/icon.ico',
    artifactName: 'TalentLedger-Setup-${version}-${arch}.${ext}',
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    icon: 'build/icons',
    category: 'Office',
    maintainer: 'TalentLedger <talentledger@localhost>',
    vendor: 'TalentLedger',
    synopsis: '人工智能人才台账（离线桌面版）',
    description: 'Offline-first desktop app for Shanghai AI talent records, titles, training and reports.',
    desktop: {
      entry: {
        Name: '人才台账',
        'Name[zh_CN]': '人才台账',
        'Name[en]': 'TalentLedger',
        Comment: '人工智能人才台账',
        'Comment[en]': 'AI talent ledger',
        Categories: 'Office;',
      },
    },
  },
  deb: {
    priority: 'optional',
  },
};

module.exports = config;
