import { canonicalName } from '@chain-atlas/graph';
import { districtEntry } from './gazetteer';
import type { MentionType } from './lexicon';
import { BUSINESS_WORDS, GENERIC_WORDS, isScored, LEGAL_SUFFIXES, MAINLAND_PLACES, oov, tags } from './lexicon';

const MAINLAND_START = new RegExp(`^(?:${MAINLAND_PLACES})`);
const LEGAL_FORM_END = new RegExp(`(?:${LEGAL_SUFFIXES.join('|')})$`);
import type { Mention } from './mentions';
import { companyCore, mentionRank } from './mentions';

export interface ResolvedEntity {
  /** Position in the article's entity list; the SPEC id is `e${index + 1}`. */
  index: number;
  type: MentionType;
  name: string;
  aliases: string[];
  /** For Districts: the enclosing district of a functional area. */
  within?: string;
  /** For prefixed clusters: the district in their full name. */
  district?: string;
  /** The mention rule that found its best-ranked mention. */
  rule: string;
}

export interface SpottedMention {
  entity: number;
  start: number;
  end: number;
  /** Inside another mention (a district inside a cluster's or company's name). */
  nested: boolean;
}

/** Names already in the graph: given a type and the names found, the existing name to use, or null. */
export type KnownNameLookup = (type: MentionType, names: string[]) => string | null;

export interface Resolution {
  entities: ResolvedEntity[];
  mentions: SpottedMention[];
}


interface Group {
  type: MentionType;
  rule: string;
  /** For a company named in full: its own name (companyCore), computed once. */
  core?: string;
  rank: number;
  name: string;
  names: Set<string>;
  district?: string;
  weak: boolean;
  legal: boolean;
  spans: [number, number][];
}

const key = (s: string) => canonicalName(s).replace(/[“”"]/g, '');

/** Is `short` a later short mention of `full`'s company (its name, or its name plus a business word)? */
function shortFormOf(short: string, core: string, full = ''): boolean {
  // 重庆长安汽车 for 重庆长安汽车股份有限公司: the city in front is no part of the short form.
  const bare = short.replace(/^重庆市?/, '');
  if (bare !== short && bare.length >= 2 && shortFormOf(bare, core, full)) return true;
  if (short === core) return true;
  // 蓝湾精密 for 重庆蓝湾精密铸造有限公司: the front of the name, without its trade.
  if (core.startsWith(short) && short.length >= 3 && short.length >= core.length - 3) return true;
  // 川仪股份 for 重庆川仪自动化股份有限公司, 渝丰股份 for …渝丰电线电缆股份有限公司: the name's front and its legal form.
  const form = /^(.{2,3})(股份|集团)$/.exec(short);
  if (form && core.startsWith(form[1]) && full.includes(form[2])) return true;
  if (!short.startsWith(core) || core.length < 2) return false;
  const rest = short.slice(core.length);
  return BUSINESS_WORDS.includes(rest) || ['集团', '股份', '公司'].includes(rest);
}

/** 重庆国际生物城开发投资有限公司: a front or core ending like a park names the park the company develops, not the company. */
const PARK_NAME = /(?:城|园|园区|基地|中心|港|谷|小镇)$/;

/**
 * Companies named in full, by their core and by every front of it, so that a short mention finds the
 * companies it may stand for without looking at all of them (a page listing thousands of companies
 * stays linear).
 */
class LegalNames {
  private readonly byCore = new Map<string, Group[]>();
  private readonly byFront = new Map<string, Group[]>();
  private readonly order = new Map<Group, number>();

  add(g: Group) {
    const core = g.core!;
    this.order.set(g, this.order.size);
    (this.byCore.get(core) ?? this.byCore.set(core, []).get(core)!).push(g);
    for (let l = 2; l <= core.length; l++) {
      const front = core.slice(0, l);
      (this.byFront.get(front) ?? this.byFront.set(front, []).get(front)!).push(g);
    }
  }

  /** The companies `short` may be a short form of (shortFormOf decides), in the order they were named. */
  candidates(short: string): Group[] {
    const out = new Set<Group>();
    for (let l = 1; l <= short.length; l++) for (const g of this.byCore.get(short.slice(0, l)) ?? []) out.add(g);
    for (const g of this.byFront.get(short) ?? []) out.add(g);
    const form = /^(.{2,3})(股份|集团)$/.exec(short);
    if (form) for (const g of this.byFront.get(form[1]) ?? []) out.add(g);
    return [...out].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  sameCore(core: string): Group | undefined {
    return this.byCore.get(core)?.[0];
  }
}

/**
 * Where a string occurs in the text, from one index per length built on first use: a lookup instead
 * of a scan of the whole page for every candidate name.
 */
function occurrenceIndex(text: string) {
  const CAP = 16;
  /** Below this many look-ups of one length, scanning is cheaper than building the index. */
  const SCANS = 64;
  const byLength = new Map<number, Map<string, number[]>>();
  const asked = new Map<number, number>();
  const scan = function* (s: string, from = 0) {
    for (let at = text.indexOf(s, from); at >= 0; at = text.indexOf(s, at + 1)) yield at;
  };
  return (s: string): Iterable<number> => {
    let index = byLength.get(s.length);
    if (!index) {
      const n = (asked.get(s.length) ?? 0) + 1;
      asked.set(s.length, n);
      if (n < SCANS) return scan(s);
      index = new Map();
      for (let i = 0; i + s.length <= text.length; i++) {
        const k = text.slice(i, i + s.length);
        const list = index.get(k);
        if (!list) index.set(k, [i]);
        else if (list.length < CAP) list.push(i);
      }
      byLength.set(s.length, index);
    }
    const first = index.get(s) ?? [];
    return (function* () {
      yield* first;
      // Past the indexed ones (a very frequent string), the rest are found by scanning on.
      if (first.length === CAP) yield* scan(s, first[CAP - 1] + 1);
    })();
  };
}

/**
 * Groups mentions into entities: aliases from 简称, derived short names, district short forms,
 * cluster prefixes; then finds every occurrence of every name. Pure, given a pure `known`.
 */
export function resolveEntities(text: string, found: Mention[], known?: KnownNameLookup): Resolution {
  const groups: Group[] = [];
  const legalNames = new LegalNames();
  const occurrences = occurrenceIndex(text);
  const byName = new Map<string, Group>();
  const attach = (g: Group, n: string) => {
    g.names.add(n);
    byName.set(key(n), g);
  };
  const ordered = [...found].sort((a, b) => mentionRank(b.rule) - mentionRank(a.rule) || a.start - b.start);
  for (const m of ordered) {
    if (m.type === 'District') {
      const canonical = m.district ?? m.name;
      let g = byName.get(key(canonical));
      if (!g) {
        g = { type: 'District', rule: m.rule, rank: 9, name: canonical, names: new Set(), weak: false, legal: false, spans: [] };
        groups.push(g);
        attach(g, canonical);
        const entry = districtEntry(canonical);
        for (const a of [...(entry?.aliases ?? []), ...(entry?.prefixOnly ?? []).filter((p) => p.length > 2)]) attach(g, a);
      }
      if (m.name !== canonical) attach(g, m.name);
      g.spans.push([m.start, m.end]);
      continue;
    }
    const names = [m.name, ...(m.aliases ?? [])];
    let g: Group | undefined;
    for (const n of names) {
      const hit = byName.get(key(n));
      if (hit && hit.type !== 'District') {
        g = hit;
        break;
      }
    }
    // A stock-coded name is a listed company in its own right, not the short form of a subsidiary's legal name.
    if (!g && m.type === 'Enterprise' && m.rule !== 'stock-code') {
      // A later short mention of a company already named in full.
      const matches = legalNames.candidates(m.name).filter((o) => shortFormOf(m.name, o.core!, o.name));
      g = matches.length === 1 ? matches[0] : matches.find((o) => shortFormOf(m.name, o.core!));
      if (!g && m.rule === 'legal-name') {
        const core = companyCore(m.name);
        if (core.length >= 3) g = legalNames.sameCore(core);
      }
    }
    if (!g) {
      g = { type: m.type, rule: m.rule, rank: mentionRank(m.rule), name: m.name, names: new Set(), weak: !!m.weak, legal: m.rule === 'legal-name', spans: [] };
      groups.push(g);
      if (g.legal && g.type === 'Enterprise') {
        g.core = companyCore(g.name);
        legalNames.add(g);
      }
    } else if (!m.weak) {
      g.weak = false;
    }
    for (const n of names) attach(g, n);
    if (m.district) g.district = m.district;
    g.spans.push([m.start, m.end]);
  }

  // A company named in full is later called by the front of its name (平湖金龙): that front is an alias.
  for (const g of groups) {
    if (g.type !== 'Enterprise' || !g.legal) continue;
    const core = g.core!;
    const candidates = new Set<string>();
    // A core that is only a line of business (重庆医药（集团）… → 医药) is no name: the place stays (重庆医药).
    const bareTrade = BUSINESS_WORDS.includes(core) || GENERIC_WORDS.has(core);
    if (core.length >= 2 && !bareTrade) candidates.add(core);
    if (bareTrade) {
      const place = /^(?:重庆市|重庆|[\u4e00-\u9fff]{2}(?=[\u4e00-\u9fff]))/.exec(g.name)?.[0];
      if (place && g.name.startsWith(place + core)) candidates.add(place.replace(/市$/, '') + core);
    }
    for (let len = Math.min(core.length + 4, 8); len >= 3; len--) {
      const base = g.name.replace(/^(?:重庆市|重庆)/, '').replace(/（[\u4e00-\u9fff]{2,4}）/, '');
      candidates.add(base.slice(0, len));
    }
    // 广东鸿图科技股份有限公司 → 鸿图科技: the name without its province or city and legal form.
    const province = MAINLAND_START.exec(g.name);
    if (province) {
      const bare = g.name.slice(province[0].length).replace(LEGAL_FORM_END, '');
      if (bare.length >= 3 && bare.length <= 6 && BUSINESS_WORDS.some((w) => bare.endsWith(w) && bare.length - w.length >= 2)) candidates.add(bare);
    }
    const inOwnName = (at: number) => g.spans.some(([s, e]) => at >= s && at < e);
    let best: string | null = null;
    for (const c of candidates) {
      // 重庆国际生物城开发投资有限公司: the front 国际生物城 is the park it develops, not the company.
      if (c.length < 2 || g.names.has(c) || PARK_NAME.test(c)) continue;
      const full = g.name.replace(/^(?:重庆市|重庆)/, '').replace(/（[\u4e00-\u9fff]{2,4}）/, '');
      for (const at of occurrences(c)) {
        // 长安汽 inside 长安汽车 is not a short form: the name must end where the form ends.
        if (full.startsWith(c) && text[at + c.length] === full[c.length]) continue;
        if (!inOwnName(at)) {
          if (!best || c.length > best.length) best = c;
          break;
        }
      }
    }
    if (best && !byName.has(key(best))) attach(g, best);
    // The short form the name is built on, found inside another name (日太光电 in 日太光电项目).
    if (core.length >= 3 && !bareTrade && !byName.has(key(core)) && !PARK_NAME.test(core)) attach(g, core);
  }

  // A short name built on an unknown word (仁宝电脑 → 仁宝) and a platform's distinctive tail (重庆仙桃国际
  // 数据谷 → 数据谷, 重庆珞璜港 → 珞璜港) are aliases when the text uses them on their own.
  for (const g of groups) {
    const forms: string[] = [];
    if (g.type === 'Enterprise' && !g.legal) {
      const core = companyCore(g.name);
      const t = tags(core);
      if (core !== g.name && core.length >= 2 && t.length === 1 && oov(t[0])) forms.push(core);
    } else if (g.type === 'Platform') {
      const bare = g.name.replace(/^(?:重庆市|重庆)/, '');
      if (bare !== g.name && bare.length >= 3) forms.push(bare);
      const head = /(?:数据|软件|智造|科技|创新|数字|生物|医药)谷$|(?:科技|生物|工业|产业|汽车|智造|软件|医药)城$/.exec(g.name)?.[0];
      if (head && g.name.length - head.length >= 2 && groups.filter((o) => o.type === 'Platform' && o.name.endsWith(head)).length === 1) forms.push(head);
    }
    for (const f of forms) {
      if (g.names.has(f) || byName.has(key(f))) continue;
      const inOwnName = (at: number) => g.spans.some(([s, e]) => at >= s && at < e);
      for (const at of occurrences(f)) {
        if (!inOwnName(at)) {
          attach(g, f);
          break;
        }
      }
    }
  }

  // Weak clusters stand only as forms of a specific cluster.
  const kept = groups.filter((g) => !(g.type === 'Cluster' && g.weak));

  const entities: ResolvedEntity[] = kept.map((g, index) => {
    let name = g.name.replace(/[“”]/g, '') !== g.name && g.type === 'Platform' ? g.name.replace(/[“”]/g, '') : g.name;
    const aliases = [...g.names].filter((n) => n !== name);
    if (known && isScored(g.type)) {
      const existing = known(g.type, [name, ...aliases]);
      if (existing && existing !== name) {
        aliases.unshift(name);
        name = existing;
      }
    }
    const entry = g.type === 'District' ? districtEntry(name) : undefined;
    return { index, type: g.type, name, aliases: [...new Set(aliases.filter((a) => a !== name))], within: entry?.within, district: g.district, rule: g.rule };
  });

  return { entities, mentions: spot(text, entities) };
}

/** Every occurrence of every name and alias: longest first, no overlaps, districts also inside names. */
export function spot(text: string, entities: ResolvedEntity[]): SpottedMention[] {
  const forms: { form: string; entity: number; district: boolean }[] = [];
  for (const e of entities) {
    for (const f of new Set([e.name, ...e.aliases])) {
      if (f.length >= 2) forms.push({ form: f, entity: e.index, district: e.type === 'District' });
    }
  }
  forms.sort((a, b) => b.form.length - a.form.length);
  // Where each form occurs: one pass over the text per length when a page has many names of that length
  // (a list of thousands of companies), a scan per form otherwise.
  const perLength = new Map<number, number>();
  for (const f of forms) perLength.set(f.form.length, (perLength.get(f.form.length) ?? 0) + 1);
  const positions = new Map<string, number[]>();
  for (const [len, count] of perLength) {
    if (count < 64) continue;
    const wanted = new Set(forms.filter((f) => f.form.length === len).map((f) => f.form));
    for (let i = 0; i + len <= text.length; i++) {
      const k = text.slice(i, i + len);
      if (wanted.has(k)) (positions.get(k) ?? positions.set(k, []).get(k)!).push(i);
    }
  }
  const occurrences = function* (form: string) {
    if ((perLength.get(form.length) ?? 0) >= 64) yield* positions.get(form) ?? [];
    else for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) yield at;
  };
  const taken = new Uint8Array(text.length);
  const takenByDistrict = new Uint8Array(text.length);
  const out: SpottedMention[] = [];
  const districtSpots: SpottedMention[] = [];
  for (const f of forms) {
    const marks = f.district ? takenByDistrict : taken;
    for (const at of occurrences(f.form)) {
      const end = at + f.form.length;
      let free = true;
      for (let i = at; i < end; i++) if (marks[i]) { free = false; break; }
      if (!free) continue;
      marks.fill(1, at, end);
      (f.district ? districtSpots : out).push({ entity: f.entity, start: at, end, nested: false });
    }
  }
  for (const d of districtSpots) {
    let covered = 0;
    for (let i = d.start; i < d.end; i++) covered += taken[i];
    if (covered === 0) out.push(d);
    else if (covered === d.end - d.start) out.push({ ...d, nested: true });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
