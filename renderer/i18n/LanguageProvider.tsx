/** React wiring of the dictionary: the chosen language (kept in localStorage), `useT()`, antd and dayjs locales. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { DEFAULT_LANGUAGE, parseLanguage, translate } from './translate';
import type { Language, TranslateFunction } from './types';

/** localStorage key of the language choice; read synchronously at start so the first paint is in the right language. */
export const LANGUAGE_STORAGE_KEY = 'talentledger.language';

const antdLocales = { 'zh-CN': zhCN, en: enUS } as const;
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: TranslateFunction;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

/** The language stored in localStorage, or zh-CN. */
export function readStoredLanguage(): Language {
  try {
    return parseLanguage(globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY)) ?? DEFAULT_LANGUAGE;
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguageSideEffects(language: Language): void {
  dayjs.locale(dayjsLocales[language]);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

interface LanguageProviderProps {
  children: ReactNode;
  /** Starting language; defaults to the stored choice. */
  initialLanguage?: Language;
  /** Called after the user switches language (e.g. to mirror it into the settings table). */
  onLanguageChange?: (language: Language) => void;
}

/** Provides `useT()` / `useLanguage()` and sets the antd and dayjs locales for everything below it. */
export function LanguageProvider({ children, initialLanguage, onLanguageChange }: LanguageProviderProps) {
  const [language, setLanguageState] = useState<Language>(() => {
    const start = initialLanguage ?? readStoredLanguage();
    applyLanguageSideEffects(start);
    return start;
  });

  useEffect(() => {
    applyLanguageSideEffects(language);
  }, [language]);

  const setLanguage = useCallback(
    (next: Language) => {
      try {
        globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, next);
      } catch {
        // The choice then lasts for this session only.
      }
      applyLanguageSideEffects(next);
      setLanguageState(next);
      onLanguageChange?.(next);
    },
    [onLanguageChange],
  );

  const value = useMemo<LanguageContextValue>(() => {
    const t: TranslateFunction = (key, ...args) => translate(language, key, ...args);
    return { language, setLanguage, t };
  }, [language, setLanguage]);

  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[language]}>{children}</ConfigProvider>
    </LanguageContext.Provider>
  );
}

function useLanguageContext(): LanguageContextValue {
  const context = useContext(LanguageContext);
  if (!context) throw new Error('useT/useLanguage must be used inside <LanguageProvider>');
  return context;
}

/** The translate function for the current language: `t('nav.talents')`, `t('sections.audit.count', { count })`. */
export function useT(): TranslateFunction {
  return useLanguageContext().t;
}

/** The current language and a setter that persists the choice. */
export function useLanguage(): { language: Language; setLanguage: (language: Language) => void } {
  const { language, setLanguage } = useLanguageContext();
  return { language, setLanguage };
}
