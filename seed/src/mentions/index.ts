import { findClusters } from './clusters';
import {
  findAgents, findAgreementParties, findImplementers, findByHolding, findByPlant, findByRole, findCompanyWord, findCoordinated, findCustomers, findAcquired, findFounded, findDictionaryOrgs,
  findLabelledParties, findLegalNames, findListedOrgs, findShortOrgNames, findStockCoded, findSupplierOfParty,
} from './companies';
import { findDistricts } from './districts';
import { findPlatforms, findPorts, findWebNames } from './platforms';
import { findListedProjects, findProjects } from './projects';
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
  { id: 'gazetteer', types: ['District'], rank: 9, description: "Chongqing's districts, counties and functional areas by name, alias, or short form (a short form that is an everyday word only when the full name is on the page).", examples: [{ text: '李明清在合川、铜梁调研时强调加快三级治理中心基本能力建设推进城乡治理一体化', mention: 'District 合川' }], negatives: ['南岸的风景很美，长寿是每个人的愿望。', '推动成渝中线高铁沿线城市协同发展。'], find: findDistricts },
  { id: 'legal-name', types: E, rank: 9, description: 'A registered company name: place + name + legal form (有限公司, 股份有限公司…), with a (简称X) alias and a branch name after it.', examples: [{ text: '忽米网、数字重庆大数据应用发展有限公司等平台企业提供服务。', mention: 'Enterprise 数字重庆大数据应用发展有限公司' }, { text: '◀位于两江协同创新区的中科摇船船科技有限公司，研发人员在测试MicroLED晶圆外观检测系统。', mention: 'Enterprise 中科摇船船科技有限公司' }], negatives: ['有限公司的组织形式适合中小企业。'], find: findLegalNames },
  { id: 'org-head', types: E, rank: 4, description: 'A short name with an organisation head (宗申集团, 长安股份, 厦门银行) or an unknown word + 科技 (再升科技).', examples: [{ text: '目前，忽米网通过与宗申集团合作，以工业互联网平台为底座，汇聚多维度集成企业数据、上下游供应链数据和产业链数据，为产业升级提供决策支撑的汽摩“产业大脑”。', mention: 'Enterprise 宗申集团' }], negatives: ['产业集团和科技企业共同参与。'], find: findShortOrgNames },
  { id: 'stock-code', types: E, rank: 5, description: "A listed company's name before its stock code: 宗申动力（001696）, 友达光电（2409）.", examples: [{ text: '英業達（2356）昨（15）日公告，子公司重慶英業達科技有限公司擬增資3000萬美元，擴建位於沙坪壩區的伺服器生產線。', mention: 'Enterprise 英业达' }], negatives: ['该政策自（2023）年起施行。'], find: findStockCoded },
  { id: 'company-word', types: E, rank: 4, description: 'X公司 where X reads as a name or a name with a line of business (惠普公司, 白盒子科技公司, 四川天兆畜牧科技公司).', examples: [{ text: '蓝鲸湾科技公司的芯片研发设计项目开工。', mention: 'Enterprise 蓝鲸湾科技公司' }, { text: '今年以来，数智云联与中国电信重庆公司签署战略合作协议，双方将共建5G+工业互联网创新中心。', mention: 'Enterprise 中国电信重庆公司' }], negatives: ['积极引进创业型公司、创新公司、新锐公司。', '上市公司和科技公司的数量持续增长。'], find: findCompanyWord },
  { id: 'cluster', types: ['Cluster'], rank: 7, description: 'A named cluster: “33618” or a district prefix before 产业集群/集群体系, or an industry chain with a 链主.', examples: [{ text: '全市构建“33618”现代化产业体系。', mention: 'Cluster “33618”现代化产业体系' }, { text: '重庆“33618”现代制造业集群加快提能级', mention: 'Cluster “33618”现代制造业集群' }], negatives: ['加快建设现代化产业体系。', '产业集群化发展初现。'], find: findClusters },
  { id: 'project', types: ['Project'], rank: 6, description: 'A named project: what an investment builds (投资N元建设P), signed or started (签约P, P开工), owned (X的P项目), with its own amount (P总投资N元), or quoted.', examples: [{ text: '其中，鸿锐集团精密轴承长寿生产基地建设项目用地120亩。', mention: 'Project 鸿锐集团精密轴承长寿生产基地建设项目' }, { text: '浙江云栖文旅发展有限公司重庆南川金佛山康养小镇产业项目开工。', mention: 'Project 重庆南川金佛山康养小镇产业项目' }, { text: '其中包括多个相关项目，如苏州纳米所·重庆研究院项目、北京中科芯项目等。', mention: 'Project 苏州纳米所·重庆研究院项目' }, { text: '其中“四季宝岛”两岸青创中心项目选址解放碑地王广场，是西南地区首个特色青创孵化器，该项目以文旅、电竞及自媒体创业为重点，致力于为两岸青年提供更符合需求、更适应趋势的创业和就业赛道，', mention: 'Project “四季宝岛”两岸青创中心项目' }], negatives: ['全市重点项目和招商项目进展顺利。'], find: findProjects },
  { id: 'invested-project', types: ['Project'], rank: 8, description: '投资N元(建设)的P项目 / 投资N元建P项目: everything after the investment is the name, conjunctions and figures included.', examples: [{ text: '在高峰园，平湖金龙投资13.8亿元建设的年产8万吨精密铜管项目布局多条生产线，使万州成为西南地区规模最大、技术最先进的精密铜管研发、制造基地。', mention: 'Project 年产8万吨精密铜管项目' }], negatives: ['投资项目审批流程进一步简化。'], emittedBy: 'project' },
  { id: 'conjoined-project', types: ['Project'], rank: 6, description: 'X投资建设的风电、光伏项目: two short parts joined by 、 under one frame make one project.', examples: [{ text: '大唐集团投资18亿元建设的风电、光伏项目已开工。', mention: 'Project 风电、光伏项目' }], negatives: ['数字经济、央地合作项目19个。'], emittedBy: 'project' },
  { id: 'platform-head', types: ['Platform'], rank: 6, description: 'A platform by its head (产业大脑, 科创基地, 产业园, 数据谷, 联盟…) with a specific, proper modifier.', examples: [{ text: '公司将投资建设“华川电机新能源汽车动力总成系统及零部件研发制造基地”。', mention: 'Platform 华川电机新能源汽车动力总成系统及零部件研发制造基地' }, { text: '本报讯（新重庆-重庆日报首席记者周尤）9月4日，记者从第十六届“重庆·台湾周”新闻发布会上获悉，本届台湾周将于9月9日至13日在重庆（南坪）国际会议展览中心举行，9月10日上午举行开幕式。', mention: 'Platform 重庆（南坪）国际会议展览中心' }, { text: '当天新开工华岳·垫江智造产业园、中冶建绿色建材产业园、龙溪河综合整治工程等42个项目。', mention: 'Platform 中冶建绿色建材产业园' }, { text: '近日，华创光谷·重庆智创园揭牌。', mention: 'Platform 华创光谷·重庆智创园' }, { text: '一是华能风电计划投资约30亿元，在綦江打造新能源开发暨绿色智造西南基地。', mention: 'Platform 新能源开发暨绿色智造西南基地' }, { text: '作为全市重要的软件集聚地的金桂数据谷，已集聚了300余家企业。', mention: 'Platform 金桂数据谷' }, { text: '目前，智能装备联盟已有70多家企业成员。', mention: 'Platform 智能装备联盟' }, { text: '具体来看，分别有年产8万吨“山城”调味品生产基地、“巴渝”火锅底料生产加工项目。', mention: 'Platform 年产8万吨“山城”调味品生产基地' }], negatives: ['八大产业联盟已有企业成员。', '全市开工建设产业园、物流园等项目。', '沙坪坝区举行重点项目集中开竣工、投达产暨数字科技园开园活动。', '目前已有18家配套企业入驻西区微电园拓展区。', '来源：南川区融媒体中心 2024-05-10', '锚定“打造国家重要先进制造业中心”总目标。', '该中心建设了公共服务平台。'], find: findPlatforms },
  { id: 'port', types: ['Platform'], rank: 6, description: 'X港 run as an inland port (吞吐, 集装箱, 码头 nearby): a logistics platform.', examples: [{ text: '与此同时，位于江津区的重庆珞璜港正加快扩能，珞璜港由重庆港务物流集团有限公司运营，是西部陆海新通道重要的铁水联运枢纽。', mention: 'Platform 重庆珞璜港' }], negatives: ['香港和澳门的客商来渝考察。'], find: findPorts },
  { id: 'web-name', types: ['Platform'], rank: 5, description: 'X网 where X is an unknown word: a website-named platform (忽米网).', examples: [{ text: '走进宗申动力发动机生产车间，通过忽米网搭建的全产业链创新平台，操作工只需扫描平台标识，系统即可将复杂的加工参数自动匹配到设备上，实现产品标识化和设备加工定制化，大幅提升生产效率。', mention: 'Platform 忽米网' }], negatives: ['互联网和车联网技术快速发展。'], find: findWebNames },
  { id: 'listed-project', types: ['Project'], rank: 5, description: 'A、“X”Y、B (A and B projects or bases of one list): an item named by a quoted brand or a capacity between them is a project too.', examples: [{ text: '分别有年产5万吨调味品生产基地、“巴味坊”中央厨房、“山城红”火锅底料生产项目等。', mention: 'Project “巴味坊”中央厨房' }], negatives: ['分别有年产5万吨调味品生产基地、调味品产业链、“山城红”火锅底料生产项目等。'], find: findListedProjects },
  { id: 'listed-org', types: ['Enterprise', 'Platform'], rank: 5, description: 'A、B、C等…企业/单位/车企, A、B、C三家企业: each item of a list under a company head is an organisation.', examples: [{ text: '国内电驱订单被弗迪、华航、联电三家企业包揽。', mention: 'Enterprise 华航' }, { text: '公司将苏州汇科、宁波博威、无锡华东及常州智驱四家控股子公司整合。', mention: 'Enterprise 常州智驱' }, { text: '同时,两江新区汇集了希迪智驾、梧桐车联等一批智能网联汽车配套企业,覆盖了芯片模组、终端设备、自动驾驶算法等智能网联产业链,智能网联汽车产业集群化发展初现。', mention: 'Enterprise 希迪智驾' }, { text: '距离机场、港口等交通枢纽以及星驰汽车、宏图汽车两个整车厂均在半小时车程内。', mention: 'Enterprise 宏图汽车' }], negatives: ['距离机场、港口等交通枢纽以及两个整车厂均在半小时车程内。', '原材料、零部件等企业集聚。'], find: findListedOrgs },
  { id: 'party-agreement', types: E, rank: 3, description: 'A与B签署/开展/共同出资…: both parties of an agreement are organisations, legal suffix or not.', examples: [{ text: '与此同时，京东方与长安汽车签署战略合作协议，双方将在智能座舱显示领域开展合作。', mention: 'Enterprise 京东方' }], negatives: ['双方与政府签署了合作协议。'], find: findAgreementParties },
  { id: 'party-acquired', types: E, rank: 3, description: '收购/并购(了)A、B和C: what a company buys, each item of the object list, is a company.', examples: [{ text: '公司先后收购了芜湖星驰、北京嘉瑞和美国嘉瑞及上海云驱，整合成立新的事业部。', mention: 'Enterprise 美国嘉瑞' }], negatives: ['公司收购了部分资产和生产线。', '该公司拟收购其全部股权。'], find: findAcquired },
  { id: 'party-founded', types: E, rank: 3, description: '成立/组建/设立/整合为/更名为X集团/公司: a name under a company head, founded or renamed, is a company.', examples: [{ text: '公司于2017年将四家子公司整合成立星驰电机车辆事业集团。', mention: 'Enterprise 星驰电机车辆事业集团' }], negatives: ['双方将成立合资公司。', '当地成立了新的投资公司。', '公司在德国慕尼黑设立德国慕尼黑子公司。'], find: findFounded },
  { id: 'dictionary-org', types: E, rank: 3, description: 'A word the dictionary (jieba) knows as an organisation that ends in a line of business (长安汽车, 中信证券) is a company wherever it stands.', examples: [{ text: '在联盟推动下，长安汽车正加快对接川渝地区优质供应商资源。', mention: 'Enterprise 长安汽车' }], negatives: ['新能源汽车正加快发展。', '重庆汽车产业加快发展。'], find: findDictionaryOrgs },
  { id: 'party-customer', types: E, rank: 3, description: '为A、B组装/提供…, 向A供货, 配套A、B: the customers of a supply verb are companies.', examples: [{ text: '”中科摇船船产品交付中心负责人介绍，目前企业正在为赛力斯提供软硬件系统架构，搭建运行环境，助力后者提升智能制造水平。', mention: 'Enterprise 赛力斯' }], negatives: ['该公司为欧洲客户提供服务。'], find: findCustomers },
  { id: 'party-supplier-of', types: E, rank: 3, description: 'X是/成为Y的(一级)供应商/客户: Y is a company.', examples: [{ text: '其中，重庆瑞阳汽车部件有限公司去年成为青山工业的一级供应商，为其供应齿轮等关键零部件。', mention: 'Enterprise 青山工业' }], negatives: ['该公司是重点企业的供应商。'], find: findSupplierOfParty },
  { id: 'party-labelled', types: E, rank: 3, description: 'X等N个项目, X计划投资N元: the company that brings the projects, or invests, is an organisation.', examples: [{ text: '博远车辆系统（苏州）股份有限公司、青松资本集团将投资20亿元建设智能底盘项目。', mention: 'Enterprise 青松资本集团' }, { text: '在高峰园，平湖金龙投资13.8亿元建设的年产8万吨精密铜管项目布局多条生产线，使万州成为西南地区规模最大、技术最先进的精密铜管研发、制造基地。', mention: 'Enterprise 平湖金龙' }], negatives: ['此次活动集中签约23个项目，计划投资18亿元。'], find: findLabelledParties },
  { id: 'party-implementer', types: E, rank: 3, description: '(该项目)以X为(实施)主体: the company a project is carried out by is an organisation.', examples: [{ text: '该项目以鑫泰铝业为主体打造生产和研发中心。', mention: 'Enterprise 鑫泰铝业' }], negatives: ['该项目以市场为主体推进。'], find: findImplementers },
  { id: 'party-by', types: E, rank: 3, description: '由X投资建设/运营/供应: the agent of 由 is an organisation.', examples: [{ text: '新华社重庆4月2日电（记者张某）记者2日从重庆两江新区获悉，由京东方投资建设的第6代AMOLED（柔性）生产线项目近日实现满产，该项目总投资465亿元。', mention: 'Enterprise 京东方' }, { text: '又如，云栖西南研发中心项目，由知名的晨光互联科技公司投资。', mention: 'Enterprise 晨光互联科技公司' }], negatives: ['该项目由新成立的项目公司投资。', '由合资公司投资建设。', '该项目由政府投资建设。'], find: findAgents },
  { id: 'role', types: ['Enterprise', 'Platform'], rank: 4, description: 'Whoever has a manager is an organisation: X负责人说, X总经理表示.', examples: [{ text: '”赛力斯负责人说，智能工厂以数字化为驱动力，结合人工智能、物联网、云计算等技术，实现关键程序100%自动化。', mention: 'Enterprise 赛力斯' }], negatives: ['市经济信息委负责人说，全市工业增长较快。'], find: findByRole },
  { id: 'plant', types: E, rank: 3, description: 'A plant or workshop belongs to a company: X汽车超级工厂, X发动机生产车间.', examples: [{ text: '走进宗申动力发动机生产车间，通过忽米网搭建的全产业链创新平台，操作工只需扫描平台标识，系统即可将复杂的加工参数自动匹配到设备上，实现产品标识化和设备加工定制化，大幅提升生产效率。', mention: 'Enterprise 宗申动力' }], negatives: ['该企业的智能工厂已投产。'], find: findByPlant },
  { id: 'holder', types: E, rank: 4, description: 'X旗下(的): whoever holds brands, platforms or subsidiaries is a company.', examples: [{ text: '此外,赛力斯旗下重庆赛力斯新能源汽车设计院有限公司与东风汽车集团有限公司签署战略合作协议.公司主要供应商包括宁德时代新能源科技股份有限公司等,宁德时代为问界系列车型提供动力电池.', mention: 'Enterprise 赛力斯' }], negatives: ['公司旗下拥有多个品牌。'], find: findByHolding },
  { id: 'unscored', types: ['GovernmentBody', 'University', 'ResearchInstitute', 'Association', 'Event'], rank: 2, description: 'Government bodies, universities, institutes, associations and events by their heads: typed so that no rule takes them for companies.', examples: [{ text: '”市政府台办有关负责人表示，首先是突出服务中央对台工作大局，聚焦渝台融合发展。', mention: 'GovernmentBody 市政府台办' }], negatives: ['企业发布了新的产品目录。'], find: findUnscored },
  { id: 'coordinated', types: E, rank: 3, description: 'A、B where B is a company: A, a name in the same list, is one too (长安福特、长安股份).', examples: [{ text: '两江新区以“新四化”为切入点发展智能网联汽车产业,目前长安福特、长安股份智能网联汽车产量占比均已过半。', mention: 'Enterprise 长安福特' }], negatives: ['原材料、长安福特汽车有限公司的产品。'], find: findCoordinated },
  { id: 'name-prefix-district', types: ['District'], rank: 9, description: 'A district named only as the front of a platform or project name (两江水土云计算中心 → 两江新区) is on the page too.', examples: [{ text: '两江水土云计算中心已投入运营。', mention: 'District 两江新区' }], negatives: ['数字经济创新中心已投入运营。'], runs: 'resolve' },
  { id: 'person', types: ['Person'], rank: 1, description: "A reporter's or a manager's name (记者 王某, 总经理李某): unscored, typed Person.", examples: [{ text: '本报讯（新重庆-重庆日报首席记者周尤）9月4日，记者从第十六届“重庆·台湾周”新闻发布会上获悉，本届台湾周将于9月9日至13日在重庆（南坪）国际会议展览中心举行，9月10日上午举行开幕式。', mention: 'Person 周尤' }], negatives: ['记者从会上获悉。'], find: findPeople },
  { id: 'place', types: ['Place'], rank: 1, description: 'Places outside Chongqing standing alone (台北, 新加坡, 陕西): unscored, typed Place.', examples: [{ text: '本次活动将邀请来自台北市、金门县、彰化县等120家台湾企业来渝参展，展览面积1万平方米，展位300个，设有台湾特色商品展示区、台湾美食展示区和互动体验区。', mention: 'Place 台北市' }], negatives: ['北京银行重庆分行正式开业。'], find: findOutsidePlaces },
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
