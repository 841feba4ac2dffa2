import { rng } from '@chain-atlas/graph/synthetic';

// Short hand-written-style news items for the reliability tests and the soak: each names
// entities the five bundled articles already hold (so ingestion lands on existing nodes and
// their neighbourhoods change while they are read) and a few new companies of its own.

/** Short names and full names the bundled articles give; the pipeline resolves them onto existing entities. */
export const KNOWN_ENTERPRISES = [
  '臻宝科技',
  '长安汽车',
  '重庆长安汽车股份有限公司',
  '小康动力',
  '平湖金龙',
  '智飞生物',
  '美的通用',
  '重庆啤酒股份有限公司',
  '京东方',
  '赛力斯汽车',
  '再升科技',
] as const;

export const KNOWN_DISTRICTS = ['沙坪坝区', '渝中区', '江北区', '九龙坡区', '万州区', '永川区', '北碚区', '南岸区', '长寿区', '两江新区', '璧山区', '江津区'] as const;

export const KNOWN_CLUSTERS = ['锂电新材料产业集群', '光电显示产业集群', '北斗应用产业集群', '先进动力装备产业集群'] as const;

/** Ids of entities the bundled articles hold, for reads that must always find something. */
export const KNOWN_IDS = [
  'enterprise:重庆臻宝科技股份有限公司',
  'enterprise:重庆长安汽车股份有限公司',
  'enterprise:重庆小康动力有限公司',
  'enterprise:重庆平湖金龙精密铜管有限公司',
  'enterprise:重庆智飞生物制品股份有限公司',
  'enterprise:重庆美的通用制冷设备有限公司',
  'district:沙坪坝区',
  'district:渝中区',
  'district:九龙坡区',
  'district:万州区',
  'district:永川区',
  'cluster:锂电新材料产业集群',
  'cluster:光电显示产业集群',
] as const;

export const SEARCH_TERMS = ['重庆', '臻宝', '长安', 'zb', 'hmw', '沙坪坝', '科技', '集群', '项目', '平台', '金龙', '智飞', '美的', '渝中'] as const;

const NAME_CHARS = '华新宏泰盛达恒通瑞丰鑫源兴博远景明金天正海嘉信诚安顺康联合创力云星辰光宇峰德隆昌盈汇晨润杰凯晟卓越优慧智'.split('');
const TRADES = ['科技', '智能', '新材料', '电子', '精密机械', '新能源', '光电', '装备制造'];
const PROJECTS = ['生产基地项目', '研发中心项目', '智能工厂项目', '扩能技改项目'];

export interface NewsItem {
  text: string;
  title: string;
  date: string;
  source: string;
}

/**
 * A generator of distinct articles: `next(n)` is article number n of the stream (the serial
 * number is in the text, so no two are the same article).
 */
export function newsStream(seed: number, tag = 'R'): (n: number) => NewsItem {
  return (n: number) => {
    const random = rng(seed * 1_000_003 + n);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const word = (k: number) => Array.from({ length: k }, () => pick(NAME_CHARS)).join('');
    const short = `${word(2)}${pick(TRADES)}`;
    const company = `重庆${short}有限公司`;
    const known = pick(KNOWN_ENTERPRISES);
    const other = pick(KNOWN_ENTERPRISES);
    const district = pick(KNOWN_DISTRICTS);
    const project = `${word(2)}${pick(TRADES)}${pick(PROJECTS)}`;
    const amount = 1 + Math.floor(random() * 30);
    const month = 1 + (n % 12);
    const day = 1 + (n % 28);
    const sentences = [
      `本报讯（记者 ${word(2)}）${month}月${day}日，${company}投资${amount}亿元的${project}在${district}正式签约。`,
      `${company}位于${district}，今年以来持续扩大产能。`,
      `据悉，${company}将为${known}提供关键零部件和配套服务。`,
      `${known}与${other === known ? '京东方' : other}签署战略合作协议，双方将在技术研发、市场拓展等方面深化合作。`,
      `${pick(KNOWN_CLUSTERS)}引育${short}等企业，集群规模持续扩大。`,
    ];
    // Drop one or two sentences at random, and always keep the serial so the text is unique.
    const kept = sentences.filter(() => random() > 0.25);
    const text = `${kept.length ? kept.join('') : sentences[0]}（${tag}第${n}号）`;
    return {
      text,
      title: `${short}${pick(['项目签约', '扩产', '配套', '合作'])}（${tag}${n}）`,
      date: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      source: '可靠性测试',
    };
  };
}

export const GQL = {
  search: 'query($q: String!) { search(query: $q, first: 10) { score matched entity { id name type } } }',
  entity:
    'query($id: ID!) { entity(id: $id) { id name type aliases degree relations(first: 20) { totalCount edges { node { id type from { id name } to { id name } evidence { text start end article { id title } } } } } } }',
  neighbourhood: 'query($id: ID!) { neighbourhood(ids: [$id], depth: 2, limit: 200) { truncated nodes { id name type } edges { id type from { id } to { id } amountCny } } }',
  paths: 'query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxLength: 4, first: 5) { nodes { id name } edges { id type } } }',
  ingest:
    'mutation($input: ArticleInput!) { ingestArticle(input: $input) { ok created evidenceAdded errors { code message } article { id title length } entitiesAdded { id } entitiesExisting { id } relationsAdded { id type } } }',
} as const;
