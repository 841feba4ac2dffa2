import { districtEntry } from './gazetteer';
import type { ResolvedEntity, SpottedMention } from './resolve';
import type { Sentence } from './split';

/** Words by which a district's own media or officials name it: 我区, 该县, 全区… */
const SELF_REFERENCE = /(?:我|该|本|全)(?:区|县)/g;
/** A dateline or a lead that opens with the district acting: 梁平区举行…, 城口县举行…, 合川区集中签约…, D讯. */
const ACTING = /^(?:[^，。]{0,4})(?:举行|举办|召开|集中签约|集中开工|签约|开工|已吸引|吸引|引进|共有|已有|拥有|新签约|讯|电)/;

export interface StoryTopic {
  /** The district the story is about: the place its unlocated projects and settling companies are in. */
  district: number;
  /** How the story names it: the forms a one-character short form (在荣投资) must start. */
  forms: string[];
}

/**
 * The district each story is about, from its headline, its lead and how often the body names it. A
 * functional area named in the headline (万州经济技术开发区) is more specific than the district around
 * it, which the body may name more often. Pure.
 */
export function storyTopics(text: string, sentences: Sentence[], entities: ResolvedEntity[], mentions: SpottedMention[]): Map<number, StoryTopic> {
  const byStory = new Map<number, Map<number, number>>();
  const sentenceOf = (at: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end <= at) lo = mid + 1;
      else if (sentences[mid].start > at) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
  const headlined = new Set<number>();
  const firstBody = new Map<number, number>();
  sentences.forEach((s, k) => {
    if (s.kind === 'body' && !firstBody.has(s.story)) firstBody.set(s.story, k);
  });
  for (const m of mentions) {
    const e = entities[m.entity];
    if (e.type !== 'District') continue;
    const k = sentenceOf(m.start);
    if (k < 0) continue;
    const s = sentences[k];
    let weight = m.nested ? 0.5 : 1;
    if (s.kind === 'heading') {
      weight += 3;
      headlined.add(m.entity);
    }
    else if (s.kind === 'caption') weight = 0.25;
    else if (k === firstBody.get(s.story) || k === (firstBody.get(s.story) ?? -9) + 1) {
      weight += 1;
      if (ACTING.test(text.slice(m.end, Math.min(s.end, m.end + 12)))) weight += 2;
    }
    const scores = byStory.get(s.story) ?? new Map<number, number>();
    scores.set(m.entity, (scores.get(m.entity) ?? 0) + weight);
    byStory.set(s.story, scores);
  }
  const topics = new Map<number, StoryTopic>();
  for (const [story, scores] of byStory) {
    const ranked = [...scores].sort((a, b) => b[1] - a[1]);
    let [best, score] = ranked[0];
    // 我区/该县 in the story say it is told from inside one district: the leading one.
    const from = sentences.find((s) => s.story === story)?.start ?? 0;
    const to = [...sentences].reverse().find((s) => s.story === story)?.end ?? text.length;
    SELF_REFERENCE.lastIndex = 0;
    const self = SELF_REFERENCE.test(text.slice(from, to));
    // The most specific place: a functional area within the leading district, named where it counts.
    const inner = ranked.find(([d]) => entities[d].within === entities[best].name && headlined.has(d));
    if (inner) [best, score] = inner;
    if (score < 2 && !self) continue;
    if (ranked.length > 1 && ranked[1][1] >= score && !inner) continue;
    const e = entities[best];
    topics.set(story, { district: best, forms: [e.name, ...e.aliases, ...(districtEntry(e.name)?.prefixOnly ?? [])] });
  }
  return topics;
}

type Mention = SpottedMention & { type: string };

/**
 * What the story has said so far, for the words that point back: 该公司 and 公司 (the company talked
 * about, or an announcement's issuer), 新公司 (the one just set up), 双方 (the parties of the last
 * agreement), 该集群, 该项目, 该平台, a sub-place named earlier (在X园，…), and each project's stated
 * amount. One object per article, reset at each story; the relation rules read and update it.
 */
export class Discourse {
  story = -1;
  /** The company the last sentence was about. */
  lastOrg: Mention | null = null;
  lastCluster: Mention | null = null;
  /** The first company of the story: what 公司 means in a report. */
  storyTopic: Mention | null = null;
  lastProject: Mention | null = null;
  lastPlatform: Mention | null = null;
  /** The company last set up (设立/成立 X): what 新公司 means. */
  lastFounded: Mention | null = null;
  /** The two parties of the last agreement or cooperation: what 双方 means. */
  lastPair: Mention[] | null = null;
  /** The last list of companies (A、B和C): what 这几家企业 means. */
  lastList: Mention[] | null = null;
  /** Amounts stated for a project (总投资N元的P, P总投资N元), for an investor named elsewhere. */
  readonly projectAmount = new Map<number, number>();
  /** Sub-places (D<园区>，…) and the district they are in, for 在<园区>，…P. */
  readonly subplaces = new Map<string, number>();
  /** The first company of the page, the issuer when the page is a listed company's announcement. */
  readonly docTopic: Mention | null;
  readonly announcement: boolean;

  constructor(text: string, mentions: Mention[]) {
    this.docTopic = mentions.find((m) => m.type === 'Enterprise' && !m.nested) ?? null;
    this.announcement = /(?:证券代码|股票代码|证券简称)[:：]|关于[^。\n]{2,30}的公告/.test(text.slice(0, 400));
  }

  /** A sentence begins: a new story forgets what the last one said. */
  enter(s: Sentence, inS: Mention[]) {
    if (s.story !== this.story) {
      this.story = s.story;
      this.lastOrg = null;
      this.lastCluster = null;
      this.storyTopic = null;
      this.lastProject = null;
      this.lastPlatform = null;
      this.lastFounded = null;
      this.lastPair = null;
      this.lastList = null;
    }
    this.storyTopic ??= inS.find((m) => m.type === 'Enterprise' && !m.nested) ?? null;
  }

  /** A sentence ends: what it was about becomes what later pronouns may mean. */
  leave(text: string, s: Sentence, top: Mention[]) {
    if (!s.repeated) this.lastCluster = top.filter((m) => m.type === 'Cluster').pop() ?? this.lastCluster;
    const firstOrg = top.find((m) => m.type === 'Enterprise');
    if (firstOrg) this.lastOrg = firstOrg;
    this.lastProject = top.filter((m) => m.type === 'Project').pop() ?? this.lastProject;
    this.lastPlatform = top.filter((m) => m.type === 'Platform').pop() ?? this.lastPlatform;
    this.lastList = companyList(text, top, s.end) ?? this.lastList;
    for (const m of top) if (m.type === 'Enterprise' && /(?:设立|成立)(?:了)?$/.test(text.slice(Math.max(s.start, m.start - 4), m.start))) this.lastFounded = m;
  }
}

/** The last run of two or more companies joined by 、/和/及/与 that ends before `at`. */
export function companyList(text: string, top: Mention[], at: number): Mention[] | null {
  const orgs = top.filter((m) => m.type === 'Enterprise' && m.end <= at);
  for (let k = orgs.length - 1; k > 0; k--) {
    const run = [orgs[k]];
    for (let j = k - 1; j >= 0 && /^(?:、|和|及|与)$/.test(text.slice(orgs[j].end, run[0].start)); j--) run.unshift(orgs[j]);
    if (run.length >= 2) return run;
  }
  return null;
}
