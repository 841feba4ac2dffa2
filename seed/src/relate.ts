import type { MemberRole, RelationType } from '@chain-atlas/graph';
import { parseAmount } from './amount';
import { districtPrefix } from './gazetteer';
import type { ResolvedEntity, SpottedMention } from './resolve';
import type { Sentence } from './split';

export interface FoundRelation {
  type: RelationType;
  from: number;
  to: number;
  amountCny?: number;
  /** A non-CNY amount is kept as stated, not converted at a guessed rate. */
  amount?: { value: number; currency: string };
  role?: MemberRole;
  /** Evidence span in the normalised text. */
  start: number;
  end: number;
  rule: string;
}

interface Ctx {
  text: string;
  entities: ResolvedEntity[];
  out: FoundRelation[];
}

type M = SpottedMention & { type: string };

const ORG = new Set(['Enterprise', 'Platform']);

function add(ctx: Ctx, r: FoundRelation) {
  if (r.from === r.to) return;
  const f = ctx.entities[r.from].type;
  const t = ctx.entities[r.to].type;
  const ok: Record<RelationType, [string[], string[]]> = {
    LOCATED_IN: [['Enterprise', 'Platform', 'Project', 'Cluster'], ['District']],
    INVESTS_IN: [['Enterprise'], ['Project']],
    MEMBER_OF: [['Enterprise'], ['Cluster']],
    OPERATES: [['Enterprise', 'Platform'], ['Platform']],
    COOPERATES_WITH: [['Enterprise', 'Platform'], ['Enterprise', 'Platform']],
    SUPPLIES: [['Enterprise', 'Platform'], ['Enterprise']],
  };
  const [fs, ts] = ok[r.type];
  if (!fs.includes(f) || !ts.includes(t)) return;
  const dup = ctx.out.find((o) => o.type === r.type && ((o.from === r.from && o.to === r.to) || (r.type === 'COOPERATES_WITH' && o.from === r.to && o.to === r.from)));
  if (dup) {
    if (dup.amountCny == null && r.amountCny != null) dup.amountCny = r.amountCny;
    return;
  }
  ctx.out.push(r);
}

/** Clause start (after ，：；) at or before `at` within the sentence. */
function clauseStart(text: string, s: Sentence, at: number): number {
  let i = at;
  while (i > s.start && !/[，：；。]/.test(text[i - 1])) i--;
  return i;
}

function clauseEnd(text: string, s: Sentence, at: number): number {
  let i = at;
  while (i < s.end && !/[，：；。]/.test(text[i])) i++;
  return i;
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

  const byStart = [...typed].sort((a, b) => a.start - b.start);
  let cursor = 0;
  for (const s of sentences) {
    while (cursor < byStart.length && byStart[cursor].start < s.start) cursor++;
    const inS: M[] = [];
    for (let k = cursor; k < byStart.length && byStart[k].start < s.end; k++) if (byStart[k].end <= s.end) inS.push(byStart[k]);
    if (s.story !== story) {
      story = s.story;
      lastOrg = null;
      lastCluster = null;
    }
    const top = inS.filter((m) => !m.nested);
    const ev = { start: s.start, end: s.end };
    const after = (m: M) => text.slice(m.end, s.end);
    const before = (m: M) => text.slice(s.start, m.start);
    const orgBefore = (at: number, exclude?: M): M | null => {
      const cands = top.filter((m) => ORG.has(m.type) && m.end <= at && m !== exclude);
      return cands[cands.length - 1] ?? null;
    };
    const firstAfter = (at: number, types: string[], maxGap = 0): M | null => {
      const m = top.find((x) => x.start >= at && types.includes(x.type));
      return m && m.start - at <= maxGap ? m : null;
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
          const cs = clauseStart(text, s, m.start);
          const lead = text.slice(cs, m.start);
          const inv = /(?:投资|签约|投建|出资)([^，；。的]{0,16})(?:建设|兴建|打造|新建)?的?$/.exec(lead) ?? /(?:投资|投建)(?:建设)?$/.exec(lead);
          if (inv) {
            const verbAt = cs + inv.index;
            const amount = parseAmount(inv[1] ?? '');
            // In a list of projects, a project's investors follow the previous project.
            const prevProject = top.filter((x) => x.type === 'Project' && x.end <= verbAt && x.start >= cs).pop();
            const from = prevProject ? prevProject.end : cs;
            const investors = top.filter((x) => x.type === 'Enterprise' && x.start >= from && x.end <= verbAt);
            for (const e of investors) {
              const r: FoundRelation = { type: 'INVESTS_IN', from: e.entity, to: m.entity, ...ev, rule: 'invests' };
              if (amount?.currency === 'CNY') r.amountCny = amount.value;
              else if (amount) r.amount = { value: amount.value, currency: amount.currency };
              add(ctx, r);
            }
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
            }
          }
          // --- D重庆X工业… (a plant in D), D<sub-place>，X的…
          const glued = firstAfter(m.end, ['Enterprise'], 0);
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
          const gather = /^(?:[^，。；]{0,4})(?:汇集|集聚|聚集|汇聚|引进|吸引|拥有)了?/.exec(rest);
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

      // --- MEMBER_OF: (C)…以A、B等为龙头 / 引育A、B等(一批)企业
      const cluster = top.find((m) => m.type === 'Cluster') ?? (/该(?:产业)?集群/.test(s.text) ? lastCluster : null);
      if (cluster) {
        const leaders = /以([^，。；为]{2,60}?)等?为(?:龙头|链主)/g;
        for (let g = leaders.exec(s.text); g; g = leaders.exec(s.text)) {
          const a = s.start + g.index;
          const b = a + g[0].length;
          for (const x of top) if (x.type === 'Enterprise' && x.start >= a && x.end <= b) add(ctx, { type: 'MEMBER_OF', from: x.entity, to: cluster.entity, role: 'leader', ...ev, rule: 'leader' });
        }
        const chain = /(?:龙头企业|链主企业|链主)/g;
        for (let g = chain.exec(s.text); g; g = chain.exec(s.text)) {
          const x = firstAfter(s.start + g.index + g[0].length, ['Enterprise'], 0);
          if (x) add(ctx, { type: 'MEMBER_OF', from: x.entity, to: cluster.entity, role: 'leader', ...ev, rule: 'leader' });
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
        // --- X打造/建成/搭建的P
        const built = /(?:打造|建成|搭建|建设|运营|开发|推出|上线)的$/.exec(lead);
        if (built) {
          const verbAt = m.start - built[0].length;
          const x = orgBefore(verbAt);
          if (x && verbAt - x.end <= 2) add(ctx, { type: 'OPERATES', from: x.entity, to: m.entity, ...ev, rule: 'built-by' });
        }
        // --- X将…运营/管理/做优P (X the subject at the head of the sentence)
        const runs = /(?:运营|管理|做优|做强|提升)$/.exec(lead);
        const subject = top[0];
        if (runs && subject && subject !== m && ORG.has(subject.type) && subject.start - s.start <= 12 && /^(?:[^，。]{0,8}(?:表示|介绍|说)，)?$/.test(text.slice(s.start, subject.start))) {
          add(ctx, { type: 'OPERATES', from: subject.entity, to: m.entity, ...ev, rule: 'runs' });
        }
        // --- X(联合…)组建/成立P
        const formed = /(?:组建|成立|牵头成立|发起成立|共建)“?$/.exec(lead);
        if (formed) {
          const cs = Math.max(s.start, clauseStart(text, s, m.start));
          let lead2 = top.filter((x) => ORG.has(x.type) && x.start >= cs && x.end <= m.start);
          // 长安汽车联合A、B等…，组建P: the subject of the sentence forms it, the partners join.
          if (!lead2.length) lead2 = top.filter((x) => ORG.has(x.type) && x.end <= m.start);
          lead2 = lead2.filter((x, i) => lead2.findIndex((y) => y.entity === x.entity) === i && x.entity !== m.entity);
          if (lead2.length) {
            add(ctx, { type: 'OPERATES', from: lead2[0].entity, to: m.entity, ...ev, rule: 'formed' });
            for (const partner of lead2.slice(1)) add(ctx, { type: 'COOPERATES_WITH', from: partner.entity, to: m.entity, ...ev, rule: 'consortium' });
          }
        }
      }

      // --- COOPERATES_WITH: A(通过)与B合作 / A携手B / A联合B、C
      const coop = /(?:与|同|和)([^，。；]{0,20}?)(?:开展|深化|达成|签署|建立|进行|展开|战略)?[^，。；]{0,4}合作/g;
      for (let g = coop.exec(s.text); g; g = coop.exec(s.text)) {
        const at = s.start + g.index;
        const b = firstAfter(at + 1, ['Enterprise', 'Platform'], 0);
        const a = orgBefore(at);
        if (a && b && b.end <= at + g[0].length) add(ctx, { type: 'COOPERATES_WITH', from: a.entity, to: b.entity, ...ev, rule: 'cooperates' });
      }
      const jointly = /(?:联合|携手)/g;
      for (let g = jointly.exec(s.text); g; g = jointly.exec(s.text)) {
        const at = s.start + g.index;
        const a = orgBefore(at);
        if (!a || at - a.end > 4) continue;
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
      const supply = /(?:为|向)([^，。；]{1,20}?)(?:提供|供应|供货|配套)|(?:供应给|提供给|供货给|配套给|销往|卖给)/g;
      for (let g = supply.exec(s.text); g; g = supply.exec(s.text)) {
        const at = s.start + g.index;
        const objAt = g[1] != null ? at + 1 : at + g[0].length;
        const b = firstAfter(objAt, ['Enterprise'], 0);
        if (!b || (g[1] != null && b.end !== at + 1 + g[1].length && !/^(?:等|产品|软硬件)/.test(text.slice(b.end)))) {
          if (!b) continue;
        }
        let a = orgBefore(at, b) ?? lastOrg;
        // X产品交付中心负责人: a unit of company X speaks for X.
        if (a && a.type === 'Platform') {
          const unitOf = entities.find((e) => e.type === 'Enterprise' && [e.name, ...e.aliases].some((n) => n.length >= 2 && entities[a!.entity].name.startsWith(n)));
          if (unitOf) a = { ...a, entity: unitOf.index, type: 'Enterprise' };
        }
        // 供应给A、B等: every company in the list is a customer.
        const customers = [b];
        for (let k = top.indexOf(b) + 1; k < top.length && text[top[k - 1].end] === '、' && top[k].start === top[k - 1].end + 1; k++) customers.push(top[k]);
        for (const c of customers) {
          if (a && a.entity !== c.entity && c.type === 'Enterprise') add(ctx, { type: 'SUPPLIES', from: a.entity, to: c.entity, ...ev, rule: 'supplies' });
        }
      }
    }

    // Discourse: the company a sentence is about, for 该公司/企业 in later sentences.
    const firstOrg = top.find((m) => m.type === 'Enterprise');
    if (firstOrg) lastOrg = firstOrg;
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
      const d = districtPrefix(e.name);
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
  return ctx.out;
}
