import { findClusters } from './clusters';
import {
  findAgents, findAgreementParties, findByHolding, findByPlant, findByRole, findCompanyWord, findCoordinated, findCustomers,
  findLabelledParties, findLegalNames, findListedOrgs, findShortOrgNames, findStockCoded, findSupplierOfParty,
} from './companies';
import { findDistricts } from './districts';
import { findPlatforms, findPorts, findWebNames } from './platforms';
import { findProjects } from './projects';
import type { MentionRule } from './rule';
import type { Mention } from './scan';
import { findOutsidePlaces, findPeople, findUnscored } from './unscored';

const E = ['Enterprise'] as MentionRule['types'];

/**
 * Every mention rule, in the order they look at a page. Where finds overlap, the higher rank
 * keeps the characters, then the longer find. Districts are found apart: every district on the
 * page counts, inside other names too.
 */
export const MENTION_RULES: readonly MentionRule[] = [
  { id: 'gazetteer', types: ['District'], rank: 9, description: "Chongqing's districts, counties and functional areas by name, alias, or short form (a short form that is an everyday word only when the full name is on the page).", examples: [], negatives: [], find: findDistricts },
  { id: 'legal-name', types: E, rank: 9, description: 'A registered company name: place + name + legal form (有限公司, 股份有限公司…), with a (简称X) alias and a branch name after it.', examples: [], negatives: [], find: findLegalNames },
  { id: 'org-head', types: E, rank: 4, description: 'A short name with an organisation head (宗申集团, 长安股份, 厦门银行) or an unknown word + 科技 (再升科技).', examples: [], negatives: [], find: findShortOrgNames },
  { id: 'stock-code', types: E, rank: 5, description: "A listed company's name before its stock code: 宗申动力（001696）, 友达光电（2409）.", examples: [], negatives: [], find: findStockCoded },
  { id: 'company-word', types: E, rank: 4, description: 'X公司 where X reads as a name or a name with a line of business (惠普公司, 白盒子科技公司, 四川天兆畜牧科技公司).', examples: [], negatives: [], find: findCompanyWord },
  { id: 'cluster', types: ['Cluster'], rank: 7, description: 'A named cluster: “33618” or a district prefix before 产业集群/集群体系, or an industry chain with a 链主.', examples: [], negatives: [], find: findClusters },
  { id: 'project', types: ['Project'], rank: 6, description: 'A named project: what an investment builds (投资N元建设P), signed or started (签约P, P开工), owned (X的P项目), with its own amount (P总投资N元), or quoted.', examples: [], negatives: [], find: findProjects },
  { id: 'invested-project', types: ['Project'], rank: 8, description: '投资N元(建设)的P项目 / 投资N元建P项目: everything after the investment is the name, conjunctions and figures included.', examples: [], negatives: [], emittedBy: 'project' },
  { id: 'conjoined-project', types: ['Project'], rank: 6, description: 'X投资建设的风电、光伏项目: two short parts joined by 、 under one frame make one project.', examples: [], negatives: [], emittedBy: 'project' },
  { id: 'platform-head', types: ['Platform'], rank: 6, description: 'A platform by its head (产业大脑, 科创基地, 产业园, 数据谷, 联盟…) with a specific, proper modifier.', examples: [], negatives: [], find: findPlatforms },
  { id: 'port', types: ['Platform'], rank: 6, description: 'X港 run as an inland port (吞吐, 集装箱, 码头 nearby): a logistics platform.', examples: [], negatives: [], find: findPorts },
  { id: 'web-name', types: ['Platform'], rank: 5, description: 'X网 where X is an unknown word: a website-named platform (忽米网).', examples: [], negatives: [], find: findWebNames },
  { id: 'listed-org', types: ['Enterprise', 'Platform'], rank: 5, description: 'A、B、C等…企业/单位/车企, A、B、C三家企业: each item of a list under a company head is an organisation.', examples: [], negatives: [], find: findListedOrgs },
  { id: 'party-agreement', types: E, rank: 3, description: 'A与B签署/开展/共同出资…: both parties of an agreement are organisations, legal suffix or not.', examples: [], negatives: [], find: findAgreementParties },
  { id: 'party-customer', types: E, rank: 3, description: '为A、B组装/提供…, 向A供货, 配套A、B: the customers of a supply verb are companies.', examples: [], negatives: [], find: findCustomers },
  { id: 'party-supplier-of', types: E, rank: 3, description: 'X是/成为Y的(一级)供应商/客户: Y is a company.', examples: [], negatives: [], find: findSupplierOfParty },
  { id: 'party-labelled', types: E, rank: 3, description: 'X等N个项目, X计划投资N元: the company that brings the projects, or invests, is an organisation.', examples: [], negatives: [], find: findLabelledParties },
  { id: 'party-by', types: E, rank: 3, description: '由X投资建设/运营/供应: the agent of 由 is an organisation.', examples: [], negatives: [], find: findAgents },
  { id: 'role', types: ['Enterprise', 'Platform'], rank: 4, description: 'Whoever has a manager is an organisation: X负责人说, X总经理表示.', examples: [], negatives: [], find: findByRole },
  { id: 'plant', types: E, rank: 3, description: 'A plant or workshop belongs to a company: X汽车超级工厂, X发动机生产车间.', examples: [], negatives: [], find: findByPlant },
  { id: 'holder', types: E, rank: 4, description: 'X旗下(的): whoever holds brands, platforms or subsidiaries is a company.', examples: [], negatives: [], find: findByHolding },
  { id: 'unscored', types: ['GovernmentBody', 'University', 'ResearchInstitute', 'Association', 'Event'], rank: 2, description: 'Government bodies, universities, institutes, associations and events by their heads: typed so that no rule takes them for companies.', examples: [], negatives: [], find: findUnscored },
  { id: 'coordinated', types: E, rank: 3, description: 'A、B where B is a company: A, a name in the same list, is one too (长安福特、长安股份).', examples: [], negatives: [], find: findCoordinated },
  { id: 'name-prefix-district', types: ['District'], rank: 9, description: 'A district named only as the front of a platform or project name (两江水土云计算中心 → 两江新区) is on the page too.', examples: [], negatives: [], runs: 'resolve' },
  { id: 'person', types: ['Person'], rank: 1, description: "A reporter's or a manager's name (记者 王某, 总经理李某): unscored, typed Person.", examples: [], negatives: [], find: findPeople },
  { id: 'place', types: ['Place'], rank: 1, description: 'Places outside Chongqing standing alone (台北, 新加坡, 陕西): unscored, typed Place.', examples: [], negatives: [], find: findOutsidePlaces },
];

const RANK = new Map(MENTION_RULES.map((r) => [r.id, r.rank]));
if (RANK.size !== MENTION_RULES.length) throw new Error('a mention rule id is used twice');

/** How much a find of this rule is trusted when finds overlap or group. */
export function mentionRank(rule: string): number {
  return RANK.get(rule) ?? 0;
}

/**
 * Entity mentions with their types and offsets into the normalised text. Districts are kept
 * even inside other names (every district on the page counts); other overlaps keep the
 * better-ranked, then longer, find. Pure.
 */
export function findMentions(text: string): Mention[] {
  const districts: Mention[] = [];
  const found: Mention[] = [];
  for (const rule of MENTION_RULES) rule.find?.(text, rule.id === 'gazetteer' ? districts : found);
  found.sort((a, b) => mentionRank(b.rule) - mentionRank(a.rule) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Best first, each character claimed once: a mark per character keeps this linear in the
  // length of the page (a pairwise check was quadratic in the number of mentions).
  const kept: Mention[] = [];
  const taken = new Uint8Array(text.length);
  for (const m of found) {
    let free = true;
    for (let i = m.start; i < m.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  // A district that is the whole of another find is the district.
  const districtSpans = new Set(districts.map((d) => `${d.start}:${d.end}`));
  const all = [...districts, ...kept.filter((k) => !districtSpans.has(`${k.start}:${k.end}`))];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

export { companyCore } from './companies';
export type { MentionExample, MentionRule } from './rule';
export type { Mention } from './scan';
