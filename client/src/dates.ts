// Typed dates for the date range filter: the page's own format (YYYY-MM-DD) whatever the
// browser's locale, instead of <input type="date">, which shows mm/dd/yyyy in a Chinese UI
// on an English system.

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Reads 2024-01-09, 2024/1/9, 2024.1.9, 2024年1月9日, 2024-01 or 2024 as an ISO date. A year
 * or month alone means its first day as a lower bound and its last day as an upper bound.
 * Undefined when the text is not a date; null when it is empty.
 */
export function parseDateInput(text: string, bound: 'from' | 'to'): string | null | undefined {
  const t = text.trim().replace(/[年月./]/g, '-').replace(/日$/, '').replace(/-+$/, '');
  if (!t) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : bound === 'from' ? 1 : 12;
  if (mo < 1 || mo > 12) return undefined;
  const d = m[3] ? Number(m[3]) : bound === 'from' ? 1 : daysIn(y, mo);
  if (d < 1 || d > daysIn(y, mo)) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
