import { parseAmount } from './amount';
import { districtAt, districtPrefix } from './gazetteer';
import type { ResolvedEntity, SpottedMention } from './resolve';
import type { Sentence } from './split';
import type { Ctx, FoundRelation, M, Scope } from './relations/context';
import { namedOperator, SENTENCE_RULES } from './relations/index';
import { add, clauseEnd, clauseStart, ORG } from './relations/context';
import { relateStories } from './relations/story';
import { storyTopics } from './discourse';

export type { FoundRelation } from './relations/context';

/** P总投资(约)N元, P，该项目总投资N元: an amount stated right after the project, before any other project. */
function amountAfter(text: string, s: Sentence, p: SpottedMention, top: { type: string; start: number }[]): number | undefined {
  const next = top.find((x) => x.type === 'Project' && x.start >= p.end);
  const to = Math.min(next ? next.start : s.end, p.end + 40);
  const seg = text.slice(p.end, to);
  const t = /^(?:[^。；]{0,6}?[，]?(?:该项目|项目)?)(?:总投资|计划总投资|预计总投资|投资总额|计划投资)(?:额)?(?:约|逾|超过|达|为|近|共)?[0-9一二三四五六七八九十两]/.exec(seg);
  if (!t) return undefined;
  const a = parseAmount(seg.slice(t[0].length - 1, t[0].length + 16));
  return a?.currency === 'CNY' ? a.value : undefined;
}

/**
 * The six relation types from sentence patterns over resolved mentions. Evidence is the
 * sentence. Pure.
 */
export function relate(text: string, sentences: Sentence[], entities: ResolvedEntity[], spotted: SpottedMention[]): FoundRelation[] {
  const ctx: Ctx = { text, entities, out: [] };
  const typed: M[] = spotted.map((m) => ({ ...m, type: entities[m.entity].type }));
  const districtOf = new Map<string, number>();
  for (const e of entities) if (e.type === 'District') districtOf.set(e.name, e.index);
  const subplaces = new Map<string, number>();
  let story = -1;
  let lastOrg: M | null = null;
  let lastCluster: M | null = null;
  /** The first company of a story: what 公司 means in an announcement or a report. */
  let storyTopic: M | null = null;
  let lastProject: M | null = null;
  let lastPlatform: M | null = null;
  /** The company last set up (设立/成立 X): what 新公司 means. */
  let lastFounded: M | null = null;
  /** The two parties of the last agreement or cooperation: what 双方 means. */
  let lastPair: M[] | null = null;
  /** Amounts stated for a project (总投资N元的P, P总投资N元), for an investor named elsewhere. */
  const projectAmount = new Map<number, number>();

  const byStart = [...typed].sort((a, b) => a.start - b.start);
  /** The first company of the page, and whether the page is a listed company's announcement. */
  const docTopic = byStart.find((m) => m.type === 'Enterprise' && !m.nested) ?? null;
  const announcement = /(?:证券代码|股票代码|证券简称)[:：]|关于[^。\n]{2,30}的公告/.test(text.slice(0, 400));
  let cursor = 0;
  for (const s of sentences) {
    while (cursor < byStart.length && byStart[cursor].start < s.start) cursor++;
    const inS: M[] = [];
    for (let k = cursor; k < byStart.length && byStart[k].start < s.end; k++) if (byStart[k].end <= s.end) inS.push(byStart[k]);
    if (s.story !== story) {
      story = s.story;
      lastOrg = null;
      lastCluster = null;
      storyTopic = null;
      lastProject = null;
      lastPlatform = null;
      lastFounded = null;
      lastPair = null;
    }
    storyTopic ??= inS.find((m) => m.type === 'Enterprise' && !m.nested) ?? null;
    const top = inS.filter((m) => !m.nested);
    const ev = { start: s.start, end: s.end };
    const after = (m: M) => text.slice(m.end, s.end);
    const before = (m: M) => text.slice(s.start, m.start);
    const orgBefore = (at: number, exclude?: M): M | null => {
      const cands = top.filter((m) => ORG.has(m.type) && m.end <= at && m !== exclude && m.entity !== exclude?.entity);
      return cands[cands.length - 1] ?? null;
    };
    const firstAfter = (at: number, types: string[], maxGap = 0): M | null => {
      const m = top.find((x) => x.start >= at && types.includes(x.type));
      return m && m.start - at <= maxGap ? m : null;
    };
    /**
     * Who a pronoun subject or object at `at` stands for: 新公司 the company just set up; 该公司/公司/其
     * the nearest company before it in the sentence, else (该公司) the last one talked about or
     * (公司, in announcements and reports) the story's company.
     */
    const referent = (at: number, exclude?: M | null): M | null => {
      const w = /^(新公司|该公司|该企业|这家公司|本公司|公司|其)/.exec(text.slice(at, at + 4));
      if (!w) return null;
      if (w[1] === '新公司' && lastFounded) return lastFounded;
      // In a listed company's announcement 公司/本公司 is always the issuer.
      if ((w[1] === '公司' || w[1] === '本公司') && announcement && docTopic && docTopic.entity !== exclude?.entity) return docTopic;
      const near = top.filter((x) => x.type === 'Enterprise' && x.end <= at && x !== exclude && x.entity !== exclude?.entity).pop();
      if (near) return near;
      // In an announcement cut into numbered sections (一、协议概述), 公司 is still the issuer the page opens with.
      const far = w[1] === '公司' || w[1] === '本公司' ? (announcement ? docTopic : null) ?? storyTopic ?? lastOrg : lastOrg ?? storyTopic;
      return far && far.entity !== exclude?.entity ? far : null;
    };
    /** The subject of the clause that starts at `cs` when it is a pronoun or left out (拟投资…, 将联合…). */
    const clauseSubject = (cs: number, exclude?: M | null): M | null => {
      const lead = text.slice(cs, cs + 8);
      const p = /^(?:同时|此外|并|还)?/.exec(lead)![0].length;
      const r = referent(cs + p, exclude);
      if (r) return r;
      if (/^(?:拟|将|计划|并|还|同时|也|已|此前|目前|则)/.test(lead)) {
        // The subject left out is the sentence's own (X则表示，已为A供应…，并与B签署…), else the nearest company.
        const subj = sentenceSubject();
        if (subj && subj.end <= cs && subj.entity !== exclude?.entity) return subj;
        const near = top.filter((x) => x.type === 'Enterprise' && x.end <= cs && x !== exclude).pop();
        return near ?? null;
      }
      return null;
    };
    /** The organisation a sentence opens with (after a lead-in like 据介绍，), if any. */
    const sentenceSubject = (): M | null => {
      const first = top.find((x) => ORG.has(x.type) || x.type === 'District');
      if (!first || !ORG.has(first.type)) return null;
      return /^(?:[^，。]{0,8}，)?[^，。]{0,10}$/.test(text.slice(s.start, first.start)) ? first : null;
    };
    /** 双方 = the two organisations of the last A与B… before `at` in the sentence, else of an earlier one. */
    const pairBefore = (at: number): M[] | null => {
      const orgs = top.filter((x) => ORG.has(x.type) && x.end <= at);
      for (let k = orgs.length - 1; k > 0; k--) {
        const gap = text.slice(orgs[k - 1].end, orgs[k].start);
        if (/^(?:[^，。；]{0,12})?(?:与|和|同)$/.test(gap) && orgs[k - 1].entity !== orgs[k].entity) return [orgs[k - 1], orgs[k]];
      }
      return null;
    };
    /** P在D投产，项目总投资约N元: the project's amount in a later clause of the sentence. */
    const projectTotalLater = (p: M): number | undefined => {
      if (top.some((x) => x.type === 'Project' && x.start >= p.end)) return undefined;
      const t = /(?:，|,)(?:该)?项目(?:总投资|计划总投资|投资总额)(?:额)?(?:约|逾|超过|达|为|近|共)?([^，。；]{1,16})/.exec(text.slice(p.end, s.end));
      if (!t) return undefined;
      const a = parseAmount(t[1]);
      return a?.currency === 'CNY' ? a.value : undefined;
    };
    const amountNear = (from: number, to: number) => {
      const a = parseAmount(text.slice(from, to));
      return a?.currency === 'CNY' ? a.value : undefined;
    };

    if (!s.repeated) {
      // --- District group of signed projects: 大足区1个，… / 渝中区2个，分别是…
      const head = /^(?:[^：，]{0,12}：)?/.exec(s.text)![0].length;
      const firstD = top.find((m) => m.type === 'District');
      if (firstD && firstD.start === s.start + head && /^[0-9一二三四五六七八九十]+个(?:项目)?，/.test(after(firstD))) {
        for (const p of top) if (p.type === 'Project') add(ctx, { type: 'LOCATED_IN', from: p.entity, to: firstD.entity, ...ev, rule: 'district-group' });
      }

      for (const m of top) {
        // --- INVESTS_IN: A、B投资65亿元(建设)的P
        if (m.type === 'Project') {
          // 总投资20亿元的P / P总投资约25亿元 / P，该项目总投资465亿元: the project's own amount.
          const own = /总投资[^，。；的]{0,10}的“?$/.exec(text.slice(Math.max(s.start, m.start - 16), m.start));
          const ownAmount = own ? amountNear(m.start - own[0].length, m.start) : amountAfter(text, s, m, top);
          if (ownAmount != null && !projectAmount.has(m.entity)) projectAmount.set(m.entity, ownAmount);
          const cs = clauseStart(text, s, m.start);
          const lead = text.slice(cs, m.start);
          let inv =
            /(?:投资|签约|投建|出资|合资|共同投资)([^，；。的]{0,16})(?:建设|兴建|打造|新建)?的?$/.exec(lead) ??
            /(?:投资|投建)(?:建设)?$/.exec(lead) ??
            // 公司拟以自有资金约3.5亿元在D建设P: money put into building is an investment.
            /(?:以|用)(?:自有|自筹|募集)?资金([^，；。的]{0,16}?)(?:在[^，；。]{1,12})?(?:建设|兴建|新建|扩建|投建)“?$/.exec(lead);
          let invFrom = cs;
          // X拟投资5亿美元，在D建设P / X将在D投资8亿元，建设P: the investment is stated in the clause before.
          // X在D投资N元，与Y合作建设P: the partner named in the clause does not change who invests.
          if (!inv && /^(?:(?:在|于)[^，。；]{1,24})?(?:与[^，。；]{2,30}?(?:合作|共同|联合))?(?:建设|兴建|新建|扩建|投建|打造|用于建设|主要建设)“?$/.test(lead) && cs - 1 > s.start) {
            const cs2 = clauseStart(text, s, cs - 1);
            const prev = /(?:投资|出资)([^，；。的]{0,16})$/.exec(text.slice(cs2, cs - 1));
            if (prev) {
              inv = prev;
              invFrom = cs2;
            }
          }
          if (inv) {
            const verbAt = invFrom + inv.index;
            const amount = parseAmount(inv[1] ?? '');
            // In a list of projects, a project's investors follow the previous project.
            const prevProject = top.filter((x) => x.type === 'Project' && x.end <= verbAt && x.start >= invFrom).pop();
            const from = prevProject ? prevProject.end : invFrom;
            let investors = top.filter((x) => x.type === 'Enterprise' && x.start >= from && x.end <= verbAt);
            if (!investors.length && /^(?:双方|两家|三方)/.test(text.slice(cs, cs + 2))) investors = pairBefore(cs) ?? lastPair ?? [];
            if (!investors.length) {
              // 该公司拟投资…建设P, 公司拟以自有资金投资建设P, 新公司将在D投资建设P.
              const subj = (invFrom !== cs ? clauseSubject(invFrom) : null) ?? clauseSubject(cs) ?? referent(Math.max(cs, verbAt - 4));
              if (subj) investors = [subj];
            }
            // 拟以自有资金约20亿元投资建设P: an amount between the investor and the verb.
            const lastInv = investors.length ? Math.max(cs, investors[investors.length - 1].end) : cs;
            let cny = amount?.currency === 'CNY' ? amount.value : amount ? undefined : amountNear(lastInv, verbAt);
            cny ??= projectAmount.get(m.entity) ?? amountAfter(text, s, m, top);
            for (const e of investors) {
              const r: FoundRelation = { type: 'INVESTS_IN', from: e.entity, to: m.entity, ...ev, rule: 'invests' };
              if (cny != null) r.amountCny = cny;
              else if (amount && amount.currency !== 'CNY') r.amount = { value: amount.value, currency: amount.currency };
              add(ctx, r);
            }
          }
          // --- X年产…项目 / X的P项目在D投产: a company named right before a project is its investor.
          const owner = top.filter((x) => x.type === 'Enterprise' && x.end <= m.start).pop();
          if (!inv && owner && /^的?“?$/.test(text.slice(owner.end, m.start))) {
            const r: FoundRelation = { type: 'INVESTS_IN', from: owner.entity, to: m.entity, ...ev, rule: 'own-project' };
            const cny = projectAmount.get(m.entity) ?? amountAfter(text, s, m, top) ?? projectTotalLater(m);
            if (cny != null) r.amountCny = cny;
            add(ctx, r);
          }
          // --- …落地P: the project lands where the sentence is about.
          if (/落地“?$/.test(text.slice(Math.max(s.start, m.start - 3), m.start))) {
            const d = inS.find((x) => x.type === 'District');
            if (d) add(ctx, { type: 'LOCATED_IN', from: m.entity, to: d.entity, ...ev, rule: 'lands-in' });
          }
          // --- 在<sub-place>，…P: the project sits where the sub-place is.
          for (const [place, d] of subplaces) {
            if (s.text.startsWith(`在${place}`)) add(ctx, { type: 'LOCATED_IN', from: m.entity, to: d, ...ev, rule: 'subplace' });
          }
        }

        if (m.type === 'District') {
          const rest = after(m);
          // --- 位于D(…)的X
          if (/位于$/.test(before(m))) {
            const de = /^[^，。；的]{0,10}的/.exec(rest);
            if (de) {
              const x = firstAfter(m.end + de[0].length, ['Enterprise', 'Platform', 'Project'], 0);
              if (x) add(ctx, { type: 'LOCATED_IN', from: x.entity, to: m.entity, ...ev, rule: 'located-at' });
              // 公司位于D的生产基地/工厂: the company's plant is there.
              else if (/^[^，。；]{0,12}(?:基地|工厂|厂区|生产线|产线|车间|总部|厂房)/.test(text.slice(m.end + de[0].length))) {
                const vAt = m.start - 2;
                const owner = top.filter((y) => y.type === 'Enterprise' && y.end <= vAt && vAt - y.end <= 1).pop() ?? referent(Math.max(s.start, vAt - 3)) ?? referent(Math.max(s.start, vAt - 2));
                if (owner) add(ctx, { type: 'LOCATED_IN', from: owner.entity, to: m.entity, ...ev, rule: 'plant-at' });
              }
            }
          }
          // --- (重庆)D的X公司: a company of the district.
          if (/^的/.test(rest) && /(?:^|[，。）)：:]|重庆|在|位于)$/.test(text.slice(clauseStart(text, s, m.start), m.start))) {
            const x = firstAfter(m.end + 1, ['Enterprise'], 0);
            if (x && entities[x.entity].name.length >= 6 && /(?:公司|集团)$/.test(entities[x.entity].name)) add(ctx, { type: 'LOCATED_IN', from: x.entity, to: m.entity, ...ev, rule: 'district-of' });
          }
          // --- D重庆X工业… (a plant in D), D<sub-place>，X的…
          const glued = firstAfter(m.end, ['Enterprise', 'Platform'], 0);
          if (glued && !/^[，、]/.test(rest)) add(ctx, { type: 'LOCATED_IN', from: glued.entity, to: m.entity, ...ev, rule: 'district-glued' });
          // D<sub-place>(内)，X…: a locative opener places the company that follows.
          const sp = /^([\u4e00-\u9fff]{0,5}(?:园|新城|片区|园区|镇|街道|高新区|开发区|工业园))?[内里]?，/.exec(rest);
          if (sp && (sp[1] || m.start === s.start)) {
            if (sp[1]) subplaces.set(sp[1], m.entity);
            const x = firstAfter(m.end + sp[0].length, ['Enterprise', 'Project'], 0);
            if (x && m.start - s.start <= 8) add(ctx, { type: 'LOCATED_IN', from: x.entity, to: m.entity, ...ev, rule: 'district-subplace' });
          }
          // --- (X成立于…，)为D企业
          if (/为$/.test(before(m)) && /^的?(?:企业|公司)/.test(rest)) {
            const subj = top.find((x) => x.type === 'Enterprise' && x.end <= m.start) ?? (/(?:该|这家|其)(?:公司|企业)|^公司/.test(s.text) ? lastOrg : null);
            if (subj) add(ctx, { type: 'LOCATED_IN', from: subj.entity, to: m.entity, ...ev, rule: 'district-company' });
          }
          // --- D汇集了A、B等…企业
          const gather = /^(?:[^，。；]{0,4})(?:汇集|集聚|聚集|汇聚|引进|吸引|拥有|共有|已有|现有)了?/.exec(rest);
          if (gather) {
            const ce = clauseEnd(text, s, m.end);
            const seg = text.slice(m.end, ce);
            if (/等[^，。；]{0,16}(?:企业|公司|车企)/.test(seg)) {
              const tail = seg.indexOf('等');
              for (const x of top) if (x.type === 'Enterprise' && x.start >= m.end && x.end <= m.end + tail) add(ctx, { type: 'LOCATED_IN', from: x.entity, to: m.entity, ...ev, rule: 'district-gathers' });
            }
          }
        }

        if (m.type === 'Cluster') lastCluster = m;
      }

      // --- 该项目由X投资建设 / 项目由X投资: the project of the previous clause or sentence.
      const byInvestor = /由([^，。；由]{2,30}?)(?:负责)?(?:投资建设|投资|出资建设|投建)(?!的)/g;
      for (let g = byInvestor.exec(s.text); g; g = byInvestor.exec(s.text)) {
        const at = s.start + g.index;
        // 由(知名的)X投资: the last company inside the 由…投资 span.
        const x = top.filter((y) => y.type === 'Enterprise' && y.start > at && y.end <= at + g[0].length).pop();
        if (!x) continue;
        const p = top.filter((y) => y.type === 'Project' && y.end <= at).pop() ?? (/(?:该|此)?项目$/.test(text.slice(Math.max(s.start, at - 4), at)) ? lastProject : null);
        if (!p) continue;
        const r: FoundRelation = { type: 'INVESTS_IN', from: x.entity, to: p.entity, ...ev, rule: 'invested-by' };
        const cny = projectAmount.get(p.entity);
        if (cny != null) r.amountCny = cny;
        add(ctx, r);
      }

      // --- 在D(…)建设/共建P: the project or platform is built where the locative says.
      for (const m of top) {
        if (m.type !== 'Project' && m.type !== 'Platform') continue;
        const zai = text.lastIndexOf('在', m.start - 1);
        if (zai < s.start || m.start - zai > 48) continue;
        const d = inS.find((x) => x.type === 'District' && x.start === zai + 1) ?? inS.find((x) => x.type === 'District' && x.nested && x.start === zai + 1);
        if (!d) continue;
        const between = text.slice(d.end, m.start);
        if (inS.some((x) => x.start >= d.end && x.end <= m.start && (x.type === 'Project' || (x.type === 'District' && x.entity !== d.entity)))) continue;
        if (!/(?:建设|兴建|新建|扩建|投建|打造|共建|建成|布局|实施)“?$/.test(between) && !/(?:签约|合作)?共建/.test(between)) continue;
        add(ctx, { type: 'LOCATED_IN', from: m.entity, to: d.entity, ...ev, rule: 'built-in' });
      }

      // --- P…将落户/选址/位于D, X入驻D: the place verb takes the clause's project or company.
      const placeVerb = /(?:将|已|正式|拟)?(?:落户|选址|落地|位于|坐落于|建在|设在|布局在|入驻|进驻|扎根)(?:于|在)?/g;
      for (let g = placeVerb.exec(s.text); g; g = placeVerb.exec(s.text)) {
        const at = s.start + g.index;
        const end = at + g[0].length;
        const d = inS.find((x) => x.type === 'District' && x.start === end);
        if (!d || /^(?:位于|坐落于)/.test(g[0]) && /的/.test(text.slice(d.end, d.end + 8).split(/[，。]/)[0])) continue;
        const cs = clauseStart(text, s, at);
        const subj = top.filter((x) => ['Project', 'Enterprise', 'Platform'].includes(x.type) && x.end <= at && x.start >= cs).pop()
          ?? (/^(?:项目|该项目)/.test(text.slice(cs, at)) || at === cs || /^(?:将|已|并|拟)/.test(text.slice(cs, at))
            ? top.filter((x) => x.type === 'Project' && x.end <= at).pop() ?? (/项目/.test(text.slice(cs, at)) ? lastProject : null)
            : null);
        if (subj) add(ctx, { type: 'LOCATED_IN', from: subj.entity, to: d.entity, ...ev, rule: 'place-verb' });
        // P1、X的P2、X的P3将落户D: every project of the list.
        if (subj?.type === 'Project') {
          for (const p of top) {
            if (p.type !== 'Project' || p === subj || p.start < cs || p.end > at) continue;
            const rest = text.slice(p.end, at);
            if (/^、/.test(rest) || top.some((x) => x.type === 'Project' && x.start > p.end && x.end <= at && /^、/.test(text.slice(p.end, p.end + 1)))) add(ctx, { type: 'LOCATED_IN', from: p.entity, to: d.entity, ...ev, rule: 'place-verb-list' });
          }
        }
      }

      // --- P在D投产/开工/落地: where the project starts.
      for (const p of top) {
        if (p.type !== 'Project') continue;
        const d = top.find((x) => x.type === 'District' && x.start === p.end + 1 && text[p.end] === '在');
        if (d && /^(?:正式|顺利|建成)?(?:投产|开工|落地|竣工|签约落户|开建)/.test(text.slice(d.end, d.end + 6))) add(ctx, { type: 'LOCATED_IN', from: p.entity, to: d.entity, ...ev, rule: 'starts-in' });
      }

      // --- P(将)由X运营/管理, 该平台由X运营.
      const runBy = /(?:将|现|已|主要)?由([^，。；由]{2,30}?)(?:负责)?(?:运营|管理|运维|建设运营|投资运营)/g;
      for (let g = runBy.exec(s.text); g; g = runBy.exec(s.text)) {
        const at = s.start + g.index;
        const x = top.find((y) => ORG.has(y.type) && y.start >= at + 1 && y.end <= at + g[0].length);
        if (!x) continue;
        const p = top.filter((y) => y.type === 'Platform' && y.end <= at && at - y.end <= 2).pop()
          ?? (/(?:该|^|[，。；])(?:平台|基地|园区|园|港|中心|孵化器|产业大脑|大脑)$/.test(text.slice(Math.max(s.start - 1, at - 4), at)) ? lastPlatform ?? top.filter((y) => y.type === 'Platform' && y.end <= at).pop() ?? null : null);
        if (p && p.entity !== x.entity) add(ctx, { type: 'OPERATES', from: x.entity, to: p.entity, ...ev, rule: 'run-by' });
      }

      // --- X成为/是Y的(一级)供应商, (Y的)主要供应商包括X.
      const supplier = /(?:成为|是|系)([^，。；]{2,30}?)的[^，。；]{0,6}(?:供应商|配套商|供货商|合作伙伴)/g;
      for (let g = supplier.exec(s.text); g; g = supplier.exec(s.text)) {
        const at = s.start + g.index;
        const y = top.find((z) => z.type === 'Enterprise' && z.start === at + g[0].length - g[0].slice(g[0].indexOf(g[1])).length);
        const x = orgBefore(at) ?? clauseSubject(clauseStart(text, s, at));
        if (x && y && /合作伙伴$/.test(g[0])) add(ctx, { type: 'COOPERATES_WITH', from: x.entity, to: y.entity, ...ev, rule: 'partner' });
        else if (x && y) add(ctx, { type: 'SUPPLIES', from: x.entity, to: y.entity, ...ev, rule: 'supplier-of' });
      }
      // --- 所需X由Y供应: the supplier of what the sentence's company needs.
      const passive = /由([^，。；由]{2,30}?)(?:供应|提供|供货|配套)(?=[，。；]|$)/g;
      for (let g = passive.exec(s.text); g; g = passive.exec(s.text)) {
        const at = s.start + g.index;
        const y = top.find((z) => z.type === 'Enterprise' && z.start === at + 1 && z.end === at + 1 + g[1].length);
        const cs = clauseStart(text, s, at);
        if (!y || !/^(?:所需|所用|其|配套的|需要的)/.test(text.slice(cs, at))) continue;
        const customer = referent(s.start) ?? sentenceSubject() ?? lastOrg;
        if (customer && customer.entity !== y.entity) add(ctx, { type: 'SUPPLIES', from: y.entity, to: customer.entity, ...ev, rule: 'supplied-by' });
      }
      const suppliers = /(?:主要|核心)?供应商(?:包括|有|为)/g;
      for (let g = suppliers.exec(s.text); g; g = suppliers.exec(s.text)) {
        const at = s.start + g.index;
        const customer = orgBefore(at) ?? clauseSubject(clauseStart(text, s, at));
        const xs = top.filter((z) => z.type === 'Enterprise' && z.start >= at + g[0].length && z.start <= clauseEnd(text, s, at));
        for (const x of xs) if (customer) add(ctx, { type: 'SUPPLIES', from: x.entity, to: customer.entity, ...ev, rule: 'suppliers-include' });
      }

      // --- Clusters of the district a sentence is about: (据了解，)D已形成…，其中C….
      const topicD = top[0]?.type === 'District' && /^(?:[^，]{0,6}，)?$/.test(text.slice(s.start, top[0].start)) ? top[0] : null;
      if (topicD) {
        for (const c of top) {
          if (c.type === 'Cluster' && !entities[c.entity].district && /^(?:已|正|现|目前|先后|共)/.test(after(topicD))) {
            add(ctx, { type: 'LOCATED_IN', from: c.entity, to: topicD.entity, ...ev, rule: 'district-topic' });
          }
        }
      }

      // --- MEMBER_OF: (C)…以A、B等为龙头 / 引育A、B等(一批)企业
      const cluster = top.find((m) => m.type === 'Cluster') ?? (/该(?:产业)?集群|^(?:[^，]{0,8}，)?(?:这一|这个)?(?:产业)?集群/.test(s.text) ? lastCluster : null);
      if (cluster) {
        const leaders = /以([^，。；为]{2,60}?)等?为(?:龙头|链主)/g;
        for (let g = leaders.exec(s.text); g; g = leaders.exec(s.text)) {
          const a = s.start + g.index;
          const b = a + g[0].length;
          for (const x of top) if (x.type === 'Enterprise' && x.start >= a && x.end <= b) add(ctx, { type: 'MEMBER_OF', from: x.entity, to: cluster.entity, role: 'leader', ...ev, rule: 'leader' });
        }
        // X是/作为C的链主(企业): the subject before the cluster leads it.
        for (const c of top) {
          if (c.type !== 'Cluster' || !/^的(?:链主|龙头)/.test(text.slice(c.end, c.end + 3))) continue;
          const verb = /(?:是|为|作为|成为)[^，。；]{0,6}$/.exec(text.slice(Math.max(s.start, c.start - 10), c.start));
          if (!verb) continue;
          const vAt = c.start - verb[0].length;
          const x = top.filter((y) => y.type === 'Enterprise' && y.end <= vAt && vAt - y.end <= 2).pop() ?? referent(Math.max(s.start, vAt - 2)) ?? referent(Math.max(s.start, vAt - 3));
          if (x) add(ctx, { type: 'MEMBER_OF', from: x.entity, to: c.entity, role: 'leader', ...ev, rule: 'leader-of' });
        }
        const chain = /(?:龙头企业|链主企业|链主)/g;
        for (let g = chain.exec(s.text); g; g = chain.exec(s.text)) {
          const x = firstAfter(s.start + g.index + g[0].length, ['Enterprise'], 0);
          if (x) add(ctx, { type: 'MEMBER_OF', from: x.entity, to: cluster.entity, role: 'leader', ...ev, rule: 'leader' });
        }
        // A、B等32家企业配套协作: a list of companies that take part in the cluster.
        const partake = /(?:^|[，；])([^，。；]{2,80}?)等[0-9]*(?:多|余)?家(?:企业|单位)?(?:配套|协作|参与|加入|入驻|协同|集聚)/g;
        for (let g = partake.exec(s.text); g; g = partake.exec(s.text)) {
          const a = s.start + g.index;
          const b = a + g[0].length;
          for (const x of top) if (x.type === 'Enterprise' && x.start >= a && x.end <= b) add(ctx, { type: 'MEMBER_OF', from: x.entity, to: cluster.entity, role: 'member', ...ev, rule: 'member' });
        }
        const members = /(?:引育|引进|培育|集聚|聚集|汇聚|吸引|汇集)了?([^，。；]{2,80}?)等/g;
        for (let g = members.exec(s.text); g; g = members.exec(s.text)) {
          const a = s.start + g.index;
          const b = a + g[0].length;
          for (const x of top) if (x.type === 'Enterprise' && x.start >= a && x.end <= b) add(ctx, { type: 'MEMBER_OF', from: x.entity, to: cluster.entity, role: 'member', ...ev, rule: 'member' });
        }
      }

      for (const m of top) {
        if (m.type !== 'Platform') continue;
        const lead = text.slice(Math.max(s.start, m.start - 8), m.start);
        // --- 双方将共建P: both parties build and run it.
        if (/(?:双方|两家|三方)(?:将|拟|计划|还将)?(?:共建|共同建设|合作建设|共同打造)“?$/.test(lead)) {
          const pair = pairBefore(m.start) ?? lastPair;
          if (pair) {
            for (const x of pair) add(ctx, { type: 'OPERATES', from: x.entity, to: m.entity, ...ev, rule: 'co-built' });
            continue;
          }
        }
        // --- X打造/建成/搭建的P
        const built = /(?:打造|建成|搭建|建设|运营|开发|推出|上线|设立|建立|研发|创办|承建|组建|共建|运维)的$/.exec(lead);
        if (built) {
          const verbAt = m.start - built[0].length;
          const x = orgBefore(verbAt);
          const pron = /(?:公司|该公司|其)(?:自主|独立|联合)?$/.exec(text.slice(Math.max(s.start, verbAt - 5), verbAt));
          // X牵头组建的P: a leading verb between the builder and 组建.
          const gapOk = x && (verbAt - x.end <= 2 || /^(?:牵头|联合|负责|独家|主导)$/.test(text.slice(x.end, verbAt)));
          if (x && gapOk) add(ctx, { type: 'OPERATES', from: x.entity, to: m.entity, ...ev, rule: 'built-by' });
          else if (pron) {
            const r = referent(verbAt - pron[0].length);
            if (r) add(ctx, { type: 'OPERATES', from: r.entity, to: m.entity, ...ev, rule: 'built-by' });
          }
        }
        // --- X将…运营/管理/做优P (X the subject at the head of the sentence)
        const runs = /(?:运营|管理|做优|做强|提升)$/.exec(lead);
        const subject = top[0];
        if (runs && subject && subject !== m && ORG.has(subject.type) && subject.start - s.start <= 12 && /^(?:[^，。]{0,8}(?:表示|介绍|说)，)?$/.test(text.slice(s.start, subject.start))) {
          add(ctx, { type: 'OPERATES', from: subject.entity, to: m.entity, ...ev, rule: 'runs' });
        }
        // --- X(联合…)组建/成立P
        const formed = /(?:组建|成立|牵头成立|发起成立|共建)了?“?$/.exec(lead);
        if (formed) {
          const cs = Math.max(s.start, clauseStart(text, s, m.start));
          let lead2 = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= m.start);
          // 长安汽车联合A、B等…，组建P: the subject of the sentence forms it, the partners join.
          if (!lead2.length) lead2 = top.filter((x) => ORG.has(x.type) && x.end <= m.start);
          lead2 = lead2.filter((x, i) => lead2.findIndex((y) => y.entity === x.entity) === i && x.entity !== m.entity);
          // X(…)将联合A、B等企业共同组建P: X forms it, A and B join.
          const inClause = text.slice(cs, m.start).search(/联合|携手/);
          const jointAt = inClause >= 0 ? inClause : Math.max(text.lastIndexOf('联合', m.start), text.lastIndexOf('携手', m.start)) - cs;
          let partnersOnly = false;
          if (cs + jointAt >= s.start && jointAt > -cs && lead2.length && lead2[0].start > cs + jointAt) {
            const founder = top.filter((x) => ORG.has(x.type) && x.end <= cs + jointAt && x.entity !== m.entity).pop() ?? clauseSubject(cs) ?? referent(cs + jointAt - 2);
            if (founder && !lead2.some((x) => x.entity === founder.entity)) lead2.unshift(founder);
            // 由(an institute or an association)牵头，联合A、B等…成立了P: the founder is no company; A and B are members.
            partnersOnly = !founder;
          }
          if (partnersOnly) {
            for (const partner of lead2) add(ctx, { type: 'COOPERATES_WITH', from: partner.entity, to: m.entity, ...ev, rule: 'consortium' });
          } else if (lead2.length) {
            add(ctx, { type: 'OPERATES', from: lead2[0].entity, to: m.entity, ...ev, rule: 'formed' });
            for (const partner of lead2.slice(1)) add(ctx, { type: 'COOPERATES_WITH', from: partner.entity, to: m.entity, ...ev, rule: 'consortium' });
          }
        }
      }

      // --- COOPERATES_WITH: A(通过)与B合作 / A携手B / A联合B、C
      const coop = /(?:与|同(?![时期比样])|和)([^，。；]{0,20}?)(?:开展|深化|达成|签署|建立|进行|展开|战略)?[^，。；]{0,4}合作/g;
      for (let g = coop.exec(s.text); g; g = coop.exec(s.text)) {
        const at = s.start + g.index;
        const b = firstAfter(at + 1, ['Enterprise', 'Platform'], 0) ?? (/^(?:该|此|这一?)(?:联合体|平台|中心|基地|园区|联盟)/.test(text.slice(at + 1, at + 6)) ? lastPlatform : null);
        const cs = clauseStart(text, s, at);
        // P由A与B合作建设: A and B are P's builders (built-together), not partners of P.
        if (/由[^，。；由]{0,30}$/.test(text.slice(cs, at))) continue;
        // A与B合作: A in the same clause, else the clause's pronoun or left-out subject, else the nearest before.
        const a = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= at).pop() ?? referent(Math.max(s.start, at - 3)) ?? referent(Math.max(s.start, at - 2)) ?? clauseSubject(cs, b) ?? orgBefore(at);
        if (a && b && b.end <= at + g[0].length) {
          add(ctx, { type: 'COOPERATES_WITH', from: a.entity, to: b.entity, ...ev, rule: 'cooperates' });
          lastPair = [a, b];
        }
      }
      // A与B签署…协议 / A(拟)与B共同出资设立C / 合资成立: cooperation without the word 合作.
      const agree = /(?:与|同(?![时期比样])|和)([^，。；]{2,30}?)(?:签署|签订|达成)[^，。；]{0,10}(?:协议|备忘录)|(?:与|同(?![时期比样])|和)([^，。；]{2,30}?)签约(?=[，。；]|$)|(?:与|同(?![时期比样])|和)([^，。；]{2,30}?)(?:共同出资|合资|共同投资)(?:设立|成立|组建)/g;
      for (let g = agree.exec(s.text); g; g = agree.exec(s.text)) {
        const at = s.start + g.index;
        const b = firstAfter(at + 1, ['Enterprise', 'Platform'], 0);
        if (!b || b.end > at + g[0].length) continue;
        const cs = clauseStart(text, s, at);
        const a = top.filter((x) => ORG.has(x.type) && x.end <= at && x.start >= cs).pop() ?? clauseSubject(cs, b) ?? orgBefore(at);
        if (a && a.entity !== b.entity) {
          add(ctx, { type: 'COOPERATES_WITH', from: a.entity, to: b.entity, ...ev, rule: 'agreement' });
          lastPair = [a, b];
        }
        if (g[3] != null) {
          const founded = top.find((x) => x.type === 'Enterprise' && x.start >= at + g[0].length && x.start - (at + g[0].length) <= 2);
          if (founded) lastFounded = founded;
        }
      }
      const jointly = /(?:联合|携手)/g;
      for (let g = jointly.exec(s.text); g; g = jointly.exec(s.text)) {
        const at = s.start + g.index;
        let a = orgBefore(at);
        if (!a || at - a.end > 4) a = clauseSubject(clauseStart(text, s, at));
        if (!a) continue;
        const ce = clauseEnd(text, s, at);
        const partners = top.filter((x) => ORG.has(x.type) && x.start > at && x.end <= ce);
        const lastPartner = partners.findIndex((x) => !/^[、和与及]/.test(text.slice(x.end, x.end + 1)));
        const list = lastPartner >= 0 ? partners.slice(0, lastPartner + 1) : partners;
        for (const p of list) {
          if (entities[p.entity].type === 'Platform' && /组建|成立/.test(text.slice(at, p.start))) continue;
          add(ctx, { type: 'COOPERATES_WITH', from: a.entity, to: p.entity, ...ev, rule: 'jointly' });
        }
      }

      // --- SUPPLIES: (A)为B提供 / A产品供应给B / A向B供应
      const supply = /(?:为|向)([^，。；]{1,40}?)(?:提供|供应|供货|配套|组装|代工|加工)|(?:供应给|提供给|供货给|配套给|销往|卖给|(?<=主要|将|已|可|均|对应)配套)/g;
      for (let g = supply.exec(s.text); g; g = supply.exec(s.text)) {
        const at = s.start + g.index;
        const objAt = g[1] != null ? at + 1 : at + g[0].length;
        let b = firstAfter(objAt, ['Enterprise'], 0);
        let pronounSupplier: M | null = null;
        // 重庆医药将为公司产品提供服务 / X成为Y的供应商，为其供应: the supplier is the clause's subject, the
        // pronoun the other company.
        if (!b && g[1] != null) {
          // 公司将为其供应: 公司 the issuer supplies, 其 the partner just named.
          const cs0 = clauseStart(text, s, at);
          const own = /^(?:公司|本公司|该公司)/.test(text.slice(cs0, at)) ? referent(cs0) : null;
          pronounSupplier = own ?? top.find((x) => ORG.has(x.type) && x.end <= at) ?? null;
          b = (/^其/.test(text.slice(objAt)) && own ? top.filter((x) => x.type === 'Enterprise' && x.end <= at && x.entity !== own.entity).pop() : null) ?? referent(objAt, pronounSupplier) ?? null;
        }
        if (!b || (g[1] != null && b.end !== at + 1 + g[1].length && !/^(?:等|产品|软硬件)/.test(text.slice(b.end)))) {
          if (!b) continue;
        }
        // The supplier: an organisation in the same clause, a pronoun or 该中心 at the clause's head, the sentence's subject.
        const cs = clauseStart(text, s, at);
        const inClause = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= at && x.entity !== b!.entity).pop();
        const anaphor = /^(?:据[^，]{0,4}，)?(?:该|此|这一?)(?:平台|中心|基地|园区|孵化器|产业大脑|大脑|联合体)/.test(text.slice(cs, at)) ? lastPlatform ?? top.filter((x) => x.type === 'Platform' && x.end <= at).pop() ?? null : null;
        let a = pronounSupplier ?? inClause ?? anaphor ?? referent(cs, b) ?? clauseSubject(cs, b) ?? orgBefore(at, b) ?? lastOrg;
        // X产品交付中心负责人: a unit of company X speaks for X.
        if (a && a.type === 'Platform') {
          const unitOf = entities.find((e) => e.type === 'Enterprise' && [e.name, ...e.aliases].some((n) => n.length >= 2 && entities[a!.entity].name.startsWith(n)));
          if (unitOf) a = { ...a, entity: unitOf.index, type: 'Enterprise' };
        }
        // 供应给A、B等: every company in the list is a customer.
        const customers = [b];
        for (let k = top.indexOf(b) + 1; k > 0 && k < top.length && text[top[k - 1].end] === '、' && top[k].start === top[k - 1].end + 1; k++) customers.push(top[k]);
        // A park or platform does not assemble or make goods for a customer; its companies do.
        if (a && a.type === 'Platform' && /组装|代工|加工/.test(g[0])) continue;
        for (const c of customers) {
          if (a && a.entity !== c.entity && c.type === 'Enterprise') add(ctx, { type: 'SUPPLIES', from: a.entity, to: c.entity, ...ev, rule: 'supplies' });
        }
      }
    }

    if (!s.repeated) {
      const scope: Scope = { ctx, text, s, inS, top, ev };
      for (const rule of SENTENCE_RULES) rule.apply?.(scope);
    }

    // Discourse: the company a sentence is about, for 该公司/企业 in later sentences.
    const firstOrg = top.find((m) => m.type === 'Enterprise');
    if (firstOrg) lastOrg = firstOrg;
    lastProject = top.filter((m) => m.type === 'Project').pop() ?? lastProject;
    lastPlatform = top.filter((m) => m.type === 'Platform').pop() ?? lastPlatform;
    const founded = /(?:设立|成立)(?:了)?$/;
    for (const m of top) if (m.type === 'Enterprise' && founded.test(text.slice(Math.max(s.start, m.start - 4), m.start))) lastFounded = m;
  }

  // --- Names that begin with a district: 两江水土云计算中心, 渝北区北斗应用产业集群.
  for (const e of entities) {
    if (e.type !== 'Platform' && e.type !== 'Project' && e.type !== 'Cluster') continue;
    let district: number | undefined;
    let form = e.name;
    if (e.type === 'Cluster') {
      if (!e.district) continue;
      district = districtOf.get(e.district);
      form = e.aliases.find((a) => a.endsWith(e.name) && a !== e.name) ?? e.name;
    } else {
      // 协同创新区创新工坊: a zone's short form names it when the zone is on the page.
      const d = districtPrefix(e.name) ?? districtAt(e.name, 0, ['contextual']);
      if (!d || e.name.length - d.form.length < 3) continue;
      district = districtOf.get(d.district);
    }
    if (district == null) continue;
    const m = typed.find((x) => x.entity === e.index && text.startsWith(form, x.start)) ?? typed.find((x) => x.entity === e.index);
    if (!m) continue;
    const s = sentences.find((x) => x.start <= m.start && m.end <= x.end);
    if (s) add(ctx, { type: 'LOCATED_IN', from: e.index, to: district, start: s.start, end: s.end, rule: 'name-prefix' });
  }

  // --- A company named after its platform runs it: 重庆X网络科技有限公司 → X网.
  for (const p of entities) {
    if (p.type !== 'Platform' || !/网$/.test(p.name)) continue;
    const core = p.name.slice(0, -1);
    for (const e of entities) {
      if (e.type !== 'Enterprise' || !e.name.includes(`${core}网络`)) continue;
      const m = typed.find((x) => x.entity === e.index);
      const s = m && sentences.find((x) => x.start <= m.start && m.end <= x.end);
      if (s) add(ctx, { type: 'OPERATES', from: e.index, to: p.index, start: s.start, end: s.end, rule: 'named-after' });
    }
  }
  // --- A development company named after its park runs it: 重庆国际生物城开发投资有限公司 → 重庆国际生物城.
  for (const p of entities) {
    if (p.type !== 'Platform') continue;
    for (const e of entities) {
      if (e.type !== 'Enterprise') continue;
      const operatorOf = [p.name, ...p.aliases].some((n) => n.length >= 3 && new RegExp(`^(?:重庆市?)?${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:开发|建设|投资|运营|管理|发展)`).test(e.name));
      if (!operatorOf) continue;
      const m = typed.find((x) => x.entity === e.index);
      const s = m && sentences.find((x) => x.start <= m.start && m.end <= x.end);
      if (s) add(ctx, { type: 'OPERATES', from: e.index, to: p.index, start: s.start, end: s.end, rule: namedOperator.id });
    }
  }
  relateStories(ctx, sentences, typed, storyTopics(text, sentences, entities, spotted));
  return ctx.out;
}
