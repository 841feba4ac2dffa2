import { pinyin } from 'pinyin-pro';

/**
 * How a name is compared in search: NFKC (full-width ＨＭＷ is hmw), lower case, no
 * whitespace, quote marks or invisible characters (zero-width space and joiners, word
 * joiner, BOM, soft hyphen), which a pasted name often carries unseen.
 */
export function searchForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s“”"「」『』‘’'《》〈〉\u200b-\u200d\u2060\ufeff\u00ad]/gu, '');
}

const HAN = /\p{Script=Han}/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export interface PinyinForms {
  /** 忽米网 → humiwang */
  full: string;
  /** 忽米网 → hmw */
  initials: string;
  /** Syllables (Latin runs kept whole), for matches that start inside a name: 长安 in 重庆长安汽车. */
  syllables: string[];
  initialsList: string[];
}

function latinOnly(s: string): string {
  return s.toLowerCase().replace(/ü/gu, 'v').replace(/[^a-z0-9]/gu, '');
}

export function pinyinForms(name: string): PinyinForms {
  const form = searchForm(name);
  const syllables = pinyin(form, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map(latinOnly).filter(Boolean);
  const initialsList = pinyin(form, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map(latinOnly)
    .filter(Boolean);
  return { full: syllables.join(''), initials: initialsList.join(''), syllables, initialsList };
}

/** Every suffix that starts at a syllable: a pinyin query may begin at any character of the name. */
function suffixes(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) out.push(parts.slice(i).join(''));
  return out;
}

/**
 * The tokens a name is indexed under, space-separated for an FTS5 table with the unicode61
 * tokenizer: single Han characters and Han bigrams (so 1- and 2-character queries hit the
 * index), Latin runs, and every syllable-suffix of the full pinyin and of the initials
 * (queried as prefixes, which makes them substring matches at syllable boundaries).
 */
export function searchTokens(name: string): string[] {
  const form = searchForm(name);
  const tokens = new Set<string>();
  const chars = [...form];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (!HAN.test(c)) continue;
    tokens.add(c);
    const next = chars[i + 1];
    if (next && HAN.test(next)) tokens.add(c + next);
  }
  for (const run of form.match(/[a-z0-9]+/gu) ?? []) tokens.add(run);
  if (hasHan(form)) {
    const forms = pinyinForms(name);
    for (const s of suffixes(forms.syllables)) tokens.add(s);
    for (const s of suffixes(forms.initialsList)) tokens.add(s);
  }
  return [...tokens];
}

/**
 * The FTS5 query for what a user typed: Han runs as unigram/bigram tokens (all must occur),
 * Latin runs as prefix tokens. Returns null when nothing searchable remains.
 */
export function searchQuery(text: string): string | null {
  const form = searchForm(text);
  const parts: string[] = [];
  const chars = [...form];
  let i = 0;
  while (i < chars.length) {
    if (HAN.test(chars[i])) {
      let j = i;
      while (j < chars.length && HAN.test(chars[j])) j++;
      const run = chars.slice(i, j);
      if (run.length === 1) parts.push(`"${run[0]}"`);
      for (let k = 0; k + 1 < run.length; k++) parts.push(`"${run[k]}${run[k + 1]}"`);
      i = j;
    } else if (/[a-z0-9]/u.test(chars[i])) {
      let j = i;
      while (j < chars.length && /[a-z0-9]/u.test(chars[j])) j++;
      parts.push(`"${chars.slice(i, j).join('')}"*`);
      i = j;
    } else {
      i++;
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}

export type MatchKind = 'name' | 'alias' | 'pinyin';

/**
 * How well a term matches what was typed, 0 when it does not: exact beats prefix beats
 * substring, a name beats an alias beats pinyin, and a shorter term is the closer match.
 */
export function matchScore(query: string, term: string, kind: MatchKind): number {
  return queryMatcher(query).term(term, kind);
}

/** The best pinyin match of a Latin query against a Han name (full pinyin or initials, from any syllable). */
export function pinyinScore(query: string, name: string): number {
  if (!hasHan(name)) return 0;
  return pinyinFormsScore(query, pinyinForms(name));
}

/** As pinyinScore, on forms computed beforehand (a store keeps them, so search does not convert names). */
export function pinyinFormsScore(query: string, f: Pick<PinyinForms, 'syllables' | 'initialsList'>): number {
  return queryMatcher(query).pinyin(f.syllables, f.initialsList);
}

/** Best match of one pinyin form: exact, prefix, or from the start of a later syllable. */
function pinyinPartsScore(q: string, parts: string[], weight: number): number {
  const whole = parts.join('');
  if (whole === q) return 60 + weight;
  const closeness = 5 * (q.length / whole.length);
  if (whole.startsWith(q)) return 45 + weight + closeness;
  let at = 0;
  for (const part of parts) {
    at += part.length;
    if (at < whole.length && whole.startsWith(q, at)) return 30 + weight + closeness;
  }
  return 0;
}

/**
 * What was typed, normalised once, with the scorings a search applies to each candidate:
 * a search compares one query with hundreds of names, so nothing about the query is redone.
 */
export function queryMatcher(query: string) {
  const q = searchForm(query);
  const latin = latinOnly(q);
  return {
    term(term: string, kind: MatchKind): number {
      const t = searchForm(term);
      if (!q || !t) return 0;
      const kindBonus = kind === 'name' ? 3 : kind === 'alias' ? 2 : 0;
      const closeness = q.length / t.length; // 0..1
      if (t === q) return 90 + kindBonus + 5;
      if (t.startsWith(q)) return 70 + kindBonus + 5 * closeness;
      if (t.includes(q)) return 50 + kindBonus + 5 * closeness;
      return 0;
    },
    pinyin(syllables: string[], initials: string[]): number {
      if (!latin) return 0;
      return Math.max(pinyinPartsScore(latin, syllables, 2), pinyinPartsScore(latin, initials, 0));
    },
  };
}

/** The pinyin of a name and its aliases, compact enough to store beside the entity. */
export interface StoredPinyin {
  /** The term (name or alias) the forms are of. */
  t: string;
  /** Syllables, space-separated. */
  s: string;
  /** Initials, space-separated. */
  i: string;
}

export function storedPinyin(terms: string[]): StoredPinyin[] {
  return terms.filter(hasHan).map((t) => {
    const f = pinyinForms(t);
    return { t, s: f.syllables.join(' '), i: f.initialsList.join(' ') };
  });
}
