/** Trims a number to at most `digits` decimals without trailing zeros. */
function trim(n: number, digits = 2): string {
  return String(Number(n.toFixed(digits)));
}

/** 6500000000 → 65亿元, 50000000 → 5000万元; in English CNY 6.5 bn / CNY 50 m. */
export function formatAmount(cny: number | null | undefined, lang: string): string {
  if (cny == null || !Number.isFinite(cny)) return '';
  const zh = lang.startsWith('zh');
  const abs = Math.abs(cny);
  if (zh) {
    if (abs >= 1e8) return `${trim(cny / 1e8)}亿元`;
    if (abs >= 1e4) return `${trim(cny / 1e4)}万元`;
    return `${trim(cny)}元`;
  }
  if (abs >= 1e9) return `CNY ${trim(cny / 1e9)} bn`;
  if (abs >= 1e6) return `CNY ${trim(cny / 1e6)} m`;
  return `CNY ${new Intl.NumberFormat('en-US').format(cny)}`;
}

/** ISO date (YYYY-MM-DD) → 2024年9月5日 / 5 Sep 2024. Anything else is shown as is. */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang.startsWith('zh') ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: lang.startsWith('zh') ? 'long' : 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang.startsWith('zh') ? 'zh-CN' : 'en-US').format(n);
}

/** A confidence (0–1) as an analyst reads it: 85%; null: unknown. */
export function formatConfidence(c: number | null | undefined, lang: string): string {
  if (c == null) return lang.startsWith('en') ? 'unknown' : '未知';
  return `${Math.round(c * 100)}%`;
}
