import i18next from 'i18next';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGS, type MessageKey } from './locales';

export type { MessageKey };

/** Chinese first; English on request. The choice is kept per device. */
export type Lang = 'zh-CN' | 'en';

/**
 * Messages come from the catalogs in ./locales through i18next (a kept library:
 * interpolation, fallback to Chinese, and plural rules should a message need them).
 * Missing keys fall back to zh-CN, never to the raw key.
 */
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: CATALOGS['zh-CN'] }, en: { translation: CATALOGS.en } },
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  returnNull: false,
});

const STORAGE_KEY = 'bxgc.lang';

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return i18n.t(key, { ...params, lng: lang });
}

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // no storage
  }
  return 'zh-CN';
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** A score or total: two decimals, as the API reports them. */
  score: (value: number | null | undefined) => string;
  time: (iso: string | number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // no storage
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const times = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      score: (v) => (v === null || v === undefined ? '—' : numbers.format(v)),
      time: (iso) => times.format(new Date(iso)),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
