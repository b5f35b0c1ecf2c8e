/** The root: providers, database open, first-run gate, then the routed shell. */
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { App as AntdApp, Button, ConfigProvider, Flex, Result, Spin } from 'antd';
import { RouterProvider } from 'react-router-dom';
import { FirstRunPage } from '../features/firstRun';
import { getDatabase, rememberLanguage, useSettings } from '../db';
import { LanguageProvider, useT, type Language } from '../i18n';
import { PlatformProvider, preventStrayFileDrops } from '../platform';
import { createAppRouter } from './router';
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
    getDatabase()
      .open()
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
  const settings = useSettings();
  const router = useMemo(() => createAppRouter(), []);

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
  if (!database.ready || settings === undefined) return <FullPageSpin />;
  if (settings.operatorName === undefined) return <FirstRunPage />;
  return <RouterProvider router={router} />;
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
