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
