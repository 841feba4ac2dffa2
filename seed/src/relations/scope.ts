import { parseAmount } from '../amount';
import type { Discourse } from '../discourse';
import type { Sentence } from '../split';
import type { Ctx, M } from './context';
import { clauseEnd, clauseStart, ORG } from './context';

/**
 * One sentence as the relation rules read it: its mentions, its evidence span, and the questions
 * every rule asks (who a pronoun stands for, what the left-out subject is, the organisation before a
 * word…), answered from the sentence first and from the discourse after.
 */
export class SentenceScope {
  readonly text: string;
  /** Mentions that stand on their own (not a district inside a name). */
  readonly top: M[];
  /** The evidence of every relation found here: the sentence. */
  readonly ev: { start: number; end: number };
  /** Projects an investment verb of this sentence governs (own-project then leaves them alone). */
  readonly invested = new Set<M>();

  constructor(
    readonly ctx: Ctx,
    readonly d: Discourse,
    readonly s: Sentence,
    /** Every mention inside the sentence, districts inside names included (nested). */
    readonly inS: M[],
  ) {
    this.text = ctx.text;
    this.top = inS.filter((m) => !m.nested);
    this.ev = { start: s.start, end: s.end };
  }

  get entities() {
    return this.ctx.entities;
  }

  after(m: M): string {
    return this.text.slice(m.end, this.s.end);
  }

  before(m: M): string {
    return this.text.slice(this.s.start, m.start);
  }

  clauseStart(at: number): number {
    return clauseStart(this.text, this.s, at);
  }

  clauseEnd(at: number): number {
    return clauseEnd(this.text, this.s, at);
  }

  /** The last organisation that ends at or before `at`. */
  orgBefore(at: number, exclude?: M | null): M | null {
    const cands = this.top.filter((m) => ORG.has(m.type) && m.end <= at && m !== exclude && m.entity !== exclude?.entity);
    return cands[cands.length - 1] ?? null;
  }

  /** The first mention of one of `types` at `at`, at most `maxGap` characters after it. */
  firstAfter(at: number, types: string[], maxGap = 0): M | null {
    const m = this.top.find((x) => x.start >= at && types.includes(x.type));
    return m && m.start - at <= maxGap ? m : null;
  }

  /**
   * Who a pronoun subject or object at `at` stands for: 新公司 the company just set up; 该公司/公司/其
   * the nearest company before it in the sentence, else (该公司) the last one talked about or
   * (公司, in announcements and reports) the story's company.
   */
  referent(at: number, exclude?: M | null): M | null {
    const { d, text } = this;
    const w = /^(新公司|该公司|该企业|这家公司|本公司|公司|其)/.exec(text.slice(at, at + 4));
    if (!w) return null;
    if (w[1] === '新公司' && d.lastFounded) return d.lastFounded;
    // In a listed company's announcement 公司/本公司 is always the issuer.
    if ((w[1] === '公司' || w[1] === '本公司') && d.announcement && d.docTopic && d.docTopic.entity !== exclude?.entity) return d.docTopic;
    const near = this.top.filter((x) => x.type === 'Enterprise' && x.end <= at && x !== exclude && x.entity !== exclude?.entity).pop();
    if (near) return near;
    // In an announcement cut into numbered sections (一、协议概述), 公司 is still the issuer the page opens with.
    const far = w[1] === '公司' || w[1] === '本公司' ? (d.announcement ? d.docTopic : null) ?? d.storyTopic ?? d.lastOrg : d.lastOrg ?? d.storyTopic;
    return far && far.entity !== exclude?.entity ? far : null;
  }

  /** The subject of the clause that starts at `cs` when it is a pronoun or left out (拟投资…, 将联合…). */
  clauseSubject(cs: number, exclude?: M | null): M | null {
    const lead = this.text.slice(cs, cs + 8);
    const p = /^(?:同时|此外|并|还)?/.exec(lead)![0].length;
    const r = this.referent(cs + p, exclude);
    if (r) return r;
    if (/^(?:拟|将|计划|并|还|同时|也|已|此前|目前|则)/.test(lead)) {
      // The subject left out is the sentence's own (X则表示，已为A供应…，并与B签署…), else the nearest company.
      const subj = this.sentenceSubject();
      if (subj && subj.end <= cs && subj.entity !== exclude?.entity) return subj;
      return this.top.filter((x) => x.type === 'Enterprise' && x.end <= cs && x !== exclude).pop() ?? null;
    }
    return null;
  }

  /** The organisation a sentence opens with (after a lead-in like 据介绍，), if any. */
  sentenceSubject(): M | null {
    const first = this.top.find((x) => ORG.has(x.type) || x.type === 'District');
    if (!first || !ORG.has(first.type)) return null;
    return /^(?:[^，。]{0,8}，)?[^，。]{0,10}$/.test(this.text.slice(this.s.start, first.start)) ? first : null;
  }

  /** 双方 = the two organisations of the last A与B… before `at` in the sentence. */
  pairBefore(at: number): M[] | null {
    const orgs = this.top.filter((x) => ORG.has(x.type) && x.end <= at);
    for (let k = orgs.length - 1; k > 0; k--) {
      const gap = this.text.slice(orgs[k - 1].end, orgs[k].start);
      if (/^(?:[^，。；]{0,12})?(?:与|和|同)$/.test(gap) && orgs[k - 1].entity !== orgs[k].entity) return [orgs[k - 1], orgs[k]];
    }
    return null;
  }

  /** An amount in yuan stated between two offsets. */
  amountNear(from: number, to: number): number | undefined {
    const a = parseAmount(this.text.slice(from, to));
    return a?.currency === 'CNY' ? a.value : undefined;
  }

  /** P总投资(约)N元, P，该项目总投资N元: an amount stated right after the project, before any other project. */
  amountAfter(p: M): number | undefined {
    const next = this.top.find((x) => x.type === 'Project' && x.start >= p.end);
    const to = Math.min(next ? next.start : this.s.end, p.end + 40);
    const seg = this.text.slice(p.end, to);
    const t = /^(?:[^。；]{0,6}?[，]?(?:该项目|项目)?)(?:总投资|计划总投资|预计总投资|投资总额|计划投资)(?:额)?(?:约|逾|超过|达|为|近|共)?[0-9一二三四五六七八九十两]/.exec(seg);
    if (!t) return undefined;
    const a = parseAmount(seg.slice(t[0].length - 1, t[0].length + 16));
    return a?.currency === 'CNY' ? a.value : undefined;
  }

  /** P在D投产，项目总投资约N元: the project's amount in a later clause of the sentence. */
  projectTotalLater(p: M): number | undefined {
    if (this.top.some((x) => x.type === 'Project' && x.start >= p.end)) return undefined;
    const t = /(?:，|,)(?:该)?项目(?:总投资|计划总投资|投资总额)(?:额)?(?:约|逾|超过|达|为|近|共)?([^，。；]{1,16})/.exec(this.text.slice(p.end, this.s.end));
    if (!t) return undefined;
    const a = parseAmount(t[1]);
    return a?.currency === 'CNY' ? a.value : undefined;
  }
}
