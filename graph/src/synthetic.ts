import type { ArticleExtraction, EntityType, ExtractedEntity, ExtractedRelation, MemberRole, RelationType } from './model';

// A synthetic Chongqing of any size, shaped like the real one: every district, a few
// hundred clusters, enterprises whose degree follows a power law (a handful of 链主 hubs,
// a long tail of small suppliers), projects with amounts, and articles whose evidence
// sentences are as long as a newspaper's. It goes through upsertArticle like real news.

const DISTRICTS = [
  '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '渝北区', '巴南区', '万州区',
  '涪陵区', '黔江区', '长寿区', '江津区', '合川区', '永川区', '南川区', '綦江区', '大足区', '璧山区',
  '铜梁区', '潼南区', '荣昌区', '开州区', '梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县',
  '云阳县', '奉节县', '巫山县', '巫溪县', '石柱土家族自治县', '秀山土家族苗族自治县', '酉阳土家族苗族自治县',
  '彭水苗族土家族自治县', '两江新区', '重庆高新区', '万州经开区',
];

const NAME_CHARS =
  '华新宏泰盛达恒通瑞丰鑫源兴博远景明金天正海嘉信诚安顺康联合创力科云星辰光宇峰德隆昌盈汇中东西南北长永晨润杰凯晟立方锦卓越优慧智'.split(
    '',
  );
const INDUSTRIES = ['科技', '智能', '新材料', '汽车零部件', '电子', '精密机械', '新能源', '生物医药', '软件', '光电', '装备制造', '化工'];
const LEGAL = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];
const CLUSTER_HEADS = ['智能网联新能源汽车', '新一代电子信息', '先进材料', '高端装备', '生物医药', '软件信息服务', '北斗应用', '摩托车', '食品及农产品加工', '轻纺', '绿色低碳', '人工智能', '卫星互联网', '功率半导体', '储能'];
const PLATFORM_KINDS = ['工业互联网平台', '产业大脑', '科创园', '产业园', '孵化器', '创新中心', '数据中心', '公共服务平台'];
const PROJECT_KINDS = ['生产基地项目', '研发中心项目', '智能工厂项目', '产业园项目', '扩能技改项目', '总部项目'];

/** A seeded generator (mulberry32): the same seed gives the same graph on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SyntheticEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

export interface SyntheticOptions {
  /** Relations to generate (10k, 100k, 1M); entities are a tenth of it. */
  relations: number;
  relationsPerArticle?: number;
  seed?: number;
}

export interface SyntheticGraph {
  entities: number;
  relations: number;
  articles: number;
  /** Article extractions in load order (lazy: a million relations do not sit in memory at once). */
  extractions(): Generator<ArticleExtraction>;
  /** Ids of a few entities of each kind, for benchmarks to query. */
  sample(type: EntityType, n: number): SyntheticEntity[];
}

export function syntheticGraph(options: SyntheticOptions): SyntheticGraph {
  const seed = options.seed ?? 42;
  // Names come from one stream, facts from another that restarts with every extractions()
  // call, so the same options always give the same articles.
  let random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const relationsTotal = options.relations;
  const entityTotal = Math.max(100, Math.round(relationsTotal / 10));
  const perArticle = options.relationsPerArticle ?? 10;

  const usedNames = new Set<string>();
  const uniqueName = (make: () => string): string => {
    for (;;) {
      const n = make();
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const word = (len: number) => Array.from({ length: len }, () => pick(NAME_CHARS)).join('');

  const districts: SyntheticEntity[] = DISTRICTS.map((name, i) => ({
    key: `d${i}`,
    type: 'District',
    name,
    aliases: name.endsWith('区') || name.endsWith('县') ? [name.slice(0, -1)] : [],
  }));
  const clusterCount = Math.min(400, Math.max(20, Math.round(entityTotal / 300)));
  const clusters: SyntheticEntity[] = Array.from({ length: clusterCount }, (_, i) => {
    const district = districts[i % districts.length].name;
    const name = uniqueName(() => `${word(2)}${pick(CLUSTER_HEADS)}产业集群`);
    return { key: `c${i}`, type: 'Cluster', name, aliases: [`${district}${name}`] };
  });
  const rest = entityTotal - districts.length - clusters.length;
  const enterpriseCount = Math.round(rest * 0.72);
  const projectCount = Math.round(rest * 0.18);
  const platformCount = rest - enterpriseCount - projectCount;
  const enterprises: SyntheticEntity[] = Array.from({ length: enterpriseCount }, (_, i) => {
    const short = uniqueName(() => `${word(2 + Math.floor(random() * 2))}${pick(INDUSTRIES)}`);
    return { key: `e${i}`, type: 'Enterprise', name: `重庆${short}${pick(LEGAL)}`, aliases: [short] };
  });
  const platforms: SyntheticEntity[] = Array.from({ length: platformCount }, (_, i) => ({
    key: `pl${i}`,
    type: 'Platform',
    name: uniqueName(() => `${word(2)}${pick(PLATFORM_KINDS)}`),
    aliases: [],
  }));
  const projects: SyntheticEntity[] = Array.from({ length: projectCount }, (_, i) => ({
    key: `p${i}`,
    type: 'Project',
    name: uniqueName(() => `${word(2)}${pick(INDUSTRIES)}${pick(PROJECT_KINDS)}`),
    aliases: [],
  }));

  // Power law: rank r is chosen with weight 1/r^s (Zipf), so early ranks become hubs.
  const zipf = (n: number, s = 1.1) => {
    const cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
    return () => {
      const x = random() * sum;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
  };
  const hubEnterprise = zipf(enterprises.length, 0.9);
  const hubCluster = zipf(clusters.length, 1.0);
  const hubDistrict = zipf(districts.length, 0.6);

  const yi = (n: number) => (n >= 1e8 ? `${+(n / 1e8).toFixed(2)}亿元` : `${+(n / 1e4).toFixed(0)}万元`);

  type Fact = { type: RelationType; from: SyntheticEntity; to: SyntheticEntity; sentence: string; amount?: number; role?: MemberRole };
  const fact = (): Fact => {
    const x = random();
    const e = enterprises[hubEnterprise()];
    const other = () => enterprises[Math.floor(random() * enterprises.length)];
    if (x < 0.25) {
      const p = projects[Math.floor(random() * projects.length)];
      const amount = Math.round(1 + random() * 999) * 1e7;
      return { type: 'INVESTS_IN', from: e, to: p, amount, sentence: `${e.name}投资${yi(amount)}的${p.name}正式签约，项目建成后预计年产值可观，将带动上下游配套企业集聚发展。` };
    }
    if (x < 0.45) {
      const y = random();
      const subject = y < 0.6 ? other() : y < 0.85 ? pick(projects) : pick(platforms);
      const d = districts[hubDistrict()];
      return { type: 'LOCATED_IN', from: subject, to: d, sentence: `位于${d.name}的${subject.name}加快建设，持续完善产业配套，推动区域制造业高质量发展。` };
    }
    if (x < 0.6) {
      const c = clusters[hubCluster()];
      const role: MemberRole = random() < 0.08 ? 'leader' : 'member';
      const member = role === 'leader' ? e : other();
      return {
        type: 'MEMBER_OF',
        from: member,
        to: c,
        role,
        sentence: role === 'leader' ? `以${member.aliases[0]}为龙头，${c.name}加快引育上下游企业，产业链韧性不断增强。` : `${c.name}引育${member.aliases[0]}等企业，集群规模持续扩大。`,
      };
    }
    if (x < 0.82) {
      const s = other();
      return { type: 'SUPPLIES', from: s, to: e, sentence: `目前，${s.name}正在为${e.aliases[0]}提供关键零部件和配套服务，年供货量稳步增长。` };
    }
    if (x < 0.95) {
      const partner = random() < 0.7 ? other() : pick(platforms);
      return { type: 'COOPERATES_WITH', from: e, to: partner, sentence: `${e.aliases[0]}与${partner.name}签署战略合作协议，双方将在技术研发、市场拓展等方面深化合作。` };
    }
    const pl = pick(platforms);
    return { type: 'OPERATES', from: e, to: pl, sentence: `由${e.name}打造的${pl.name}已接入数百家企业，为产业链协同提供支撑。` };
  };

  // Each district and cluster is placed once so no node floats free.
  const placements: Fact[] = clusters.map((c, i) => {
    const d = districts[i % districts.length];
    return { type: 'LOCATED_IN', from: c, to: d, sentence: `${d.name}${c.name}加快发展，集群产值持续攀升。` };
  });

  const articleCount = Math.ceil(relationsTotal / perArticle);
  const byType: Record<EntityType, SyntheticEntity[]> = {
    District: districts,
    Cluster: clusters,
    Enterprise: enterprises,
    Platform: platforms,
    Project: projects,
  };

  return {
    entities: entityTotal,
    relations: relationsTotal,
    articles: articleCount,
    *extractions() {
      random = rng(seed + 1);
      let produced = 0;
      let placement = 0;
      for (let a = 0; a < articleCount; a++) {
        const facts: Fact[] = [];
        while (facts.length < perArticle && produced < relationsTotal) {
          facts.push(placement < placements.length ? placements[placement++] : fact());
          produced++;
        }
        const date = `20${20 + (a % 6)}-${String(1 + (a % 12)).padStart(2, '0')}-${String(1 + (a % 28)).padStart(2, '0')}`;
        let text = `山城日报讯（第${a + 1}期）`;
        const entities = new Map<string, ExtractedEntity>();
        const relations: ExtractedRelation[] = [];
        for (const f of facts) {
          if (f.from.key === f.to.key) continue;
          const start = text.length;
          text += f.sentence;
          for (const e of [f.from, f.to]) entities.set(e.key, { key: e.key, type: e.type, name: e.name, aliases: e.aliases });
          relations.push({
            type: f.type,
            from: f.from.key,
            to: f.to.key,
            amountCny: f.amount ?? null,
            role: f.role ?? null,
            evidence: { text: f.sentence, start, end: start + f.sentence.length },
          });
        }
        yield {
          article: { title: `产业动态第${a + 1}期`, date, source: '合成数据', url: null, text },
          entities: [...entities.values()],
          relations,
        };
      }
    },
    sample(type, n) {
      const list = byType[type];
      // Hubs and tail alike: every k-th entity.
      const step = Math.max(1, Math.floor(list.length / n));
      return list.filter((_, i) => i % step === 0).slice(0, n);
    },
  };
}
