/** The root: providers, database open, first-run gate, then the routed shell. */
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { App as AntdApp, Button, ConfigProvider, Flex, Result, Spin } from 'antd';
import { RouterProvider } from 'react-router-dom';
import { FirstRunPage } from '../features/firstRun';
import { StartupNotice } from '../features/backup';
import { runStartupSafetyChecks } from '../data/backups';
import { getDatabase, primeSettings, rememberLanguage, useSettings } from '../db';
import { LanguageProvider, useT, type Language } from '../i18n';
import { PlatformProvider, preventStrayFileDrops } from '../platform';
import { createAppRouter } from './router';
import { preloadSectionOf } from './sections';
import { appTheme } from './theme';

function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

function describeOpenError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Opens the database once; a failure (e.g. a newer schema from a later version) gets a clear page. */
function useDatabaseOpen(): { ready: boolean; error: string | null } {
  const [state, setState] = useState<{ ready: boolean; error: string | null }>({ ready: false, error: null });
  useEffect(() => {
    let active = true;
    // Backs up before a pending schema upgrade, then opens the database (issue #6 start-up checks).
    // The settings are read before the first render, so the shell draws at once with them.
    // The section the app opens on is loaded by then too (main.tsx started it), so it draws at once.
    Promise.all([runStartupSafetyChecks().then(() => primeSettings()), preloadSectionOf(window.location.hash)])
      .then(
        () => active && setState({ ready: true, error: null }),
        (error: unknown) => active && setState({ ready: false, error: describeOpenError(error) }),
      );
    return () => {
      active = false;
    };
  }, []);
  return state;
}

function Gate() {
  const t = useT();
  const database = useDatabaseOpen();

  if (database.error) {
    return (
      <Result
        status="error"
        title={t('app.dbOpenFailed')}
        subTitle={t('app.dbOpenFailedHint', { message: database.error })}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </Button>
        }
      />
    );
  }
  if (!database.ready) return <FullPageSpin />;
  return <OpenedApp />;
}

/** Reads settings only once the database is open, so no query opens (and upgrades) it before the pre-upgrade backup. */
function OpenedApp() {
  const settings = useSettings();
  const router = useMemo(() => createAppRouter(), []);
  if (settings === undefined) return <FullPageSpin />;
  return (
    <>
      <StartupNotice />
      {settings.operatorName === undefined ? <FirstRunPage /> : <RouterProvider router={router} />}
    </>
  );
}

function onLanguageChange(language: Language) {
  void rememberLanguage(getDatabase(), language);
}

/** The whole renderer app. */
export function TalentLedgerApp() {
  useEffect(() => preventStrayFileDrops(), []);
  return (
    <StrictMode>
      <PlatformProvider>
        {/* No auto space inside two-character Chinese buttons (保 存): it reads oddly and breaks text search. */}
        <ConfigProvider theme={appTheme} button={{ autoInsertSpace: false }}>
          <LanguageProvider onLanguageChange={onLanguageChange}>
            <AntdApp>
              <Gate />
            </AntdApp>
          </LanguageProvider>
        </ConfigProvider>
      </PlatformProvider>
    </StrictMode>
  );
}
