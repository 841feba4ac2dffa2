const TOKEN_KEY = 'chainAtlas.token';
const LANG_KEY = 'chainAtlas.lang';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function getToken(): string {
  return storage()?.getItem(TOKEN_KEY) ?? '';
}
export function setToken(token: string): void {
  if (token) storage()?.setItem(TOKEN_KEY, token);
  else storage()?.removeItem(TOKEN_KEY);
}
export function getLang(): string | null {
  return storage()?.getItem(LANG_KEY) ?? null;
}
export function setLang(lang: string): void {
  storage()?.setItem(LANG_KEY, lang);
}

const EXPAND_KEY = 'chainAtlas.expandLimit';
export const DEFAULT_EXPAND_LIMIT = 40;
/** How many neighbours one expansion brings at most (the rest behind 显示更多). */
export function getExpandLimit(): number {
  const n = Number(storage()?.getItem(EXPAND_KEY));
  return Number.isInteger(n) && n >= 1 && n <= 500 ? n : DEFAULT_EXPAND_LIMIT;
}
export function setExpandLimit(n: number): void {
  storage()?.setItem(EXPAND_KEY, String(n));
}

const VIEW_KEYS_KEY = 'chainAtlas.viewKeys';
/** The delete keys of the views this browser saved (view id → key): "mine" are the ones with a key. */
export function getViewKeys(): Record<string, string> {
  try {
    const v: unknown = JSON.parse(storage()?.getItem(VIEW_KEYS_KEY) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}
export function setViewKey(id: string, key: string | null): void {
  const keys = getViewKeys();
  if (key) keys[id] = key;
  else delete keys[id];
  storage()?.setItem(VIEW_KEYS_KEY, JSON.stringify(keys));
}
