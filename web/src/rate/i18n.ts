import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/**
 * The rating page's own two catalogs (flat keys, `{name}` placeholders), Chinese first.
 * test/web/rateCatalogs.test.ts checks that both hold the same keys and placeholders.
 */
export const RATE_CATALOGS = { 'zh-CN': zh, en } as const;
export type Language = keyof typeof RATE_CATALOGS;
export type MessageKey = keyof typeof zh;

const STORAGE_KEY = 'rate.language';
let current: Language = stored() ?? 'zh-CN';

function stored(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'zh-CN' ? value : null;
  } catch {
    return null;
  }
}

export const language = (): Language => current;

/** Switches the page's language and remembers it on this phone. */
export function setLanguage(next: Language): void {
  current = next;
  document.documentElement.lang = next;
  document.title = say('documentTitle');
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private browsing: the choice lasts for this page only
  }
}

/** The message `key` in the current language, with `{name}` placeholders filled in. */
export function say(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text: string = RATE_CATALOGS[current][key] ?? zh[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
