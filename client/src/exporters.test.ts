import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf/node';
import { parse as parseGraphml } from 'graphology-graphml/node';
import { describe, expect, it } from 'vitest';
import { toCsv, toJson, withEvidence, type VisibleGraph } from './exporters';
import { toGexf, toGraphml } from './graph-files';
import type { EvidenceData } from './types';

const article = (id: string, title: string, date: string, url: string | null) => ({ id, title, date, source: '重庆日报', url });

const canvas: VisibleGraph = {
  nodes: [
    { id: 'enterprise:赛力斯', type: 'ENTERPRISE', name: '赛力斯', aliases: ['赛力斯集团', 'Seres'], degree: 12, x: 10, y: -20 },
    { id: 'project:超级工厂项目', type: 'PROJECT', name: '超级工厂项目', aliases: [] },
    { id: 'platform:忽米网', type: 'PLATFORM', name: '忽米网', aliases: ['"忽米" <平台>'] },
  ],
  edges: [
    { id: 'r1', type: 'INVESTS_IN', source: 'enterprise:赛力斯', target: 'project:超级工厂项目', amountCny: 7_037_300_000_000, role: null },
    { id: 'r2', type: 'COOPERATES_WITH', source: 'enterprise:赛力斯', target: 'platform:忽米网', amountCny: null, role: null },
  ],
};

const evidence = new Map<string, EvidenceData[]>([
  [
    'r1',
    [
      { text: '赛力斯投资7037.3亿元建设超级工厂项目，', start: 3, end: 22, article: article('a1', '赛力斯签约', '2025-03-06', 'https://example.org/a1?x=1&y=2') },
      { text: '超级工厂项目由赛力斯投资。', start: 40, end: 53, article: article('a2', '“超级工厂”开工', '2025-04-01', null) },
    ],
  ],
  ['r2', [{ text: '赛力斯与忽米网携手，共建"工业互联网"平台', start: 0, end: 21, article: article('a3', '携手', '2024-12-30', 'https://example.org/a3') }]],
]);

const full = withEvidence(canvas, evidence);

describe('exports of the canvas', () => {
  it('JSON carries each relation’s sentences with article title, date and url', () => {
    const back = JSON.parse(toJson(full)) as VisibleGraph;
    expect(back.nodes).toHaveLength(3);
    expect(back.edges.find((e) => e.id === 'r1')?.evidence?.map((e) => [e.text, e.article.title, e.article.date, e.article.url])).toEqual([
      ['赛力斯投资7037.3亿元建设超级工厂项目，', '赛力斯签约', '2025-03-06', 'https://example.org/a1?x=1&y=2'],
      ['超级工厂项目由赛力斯投资。', '“超级工厂”开工', '2025-04-01', null],
    ]);
  });

  it('CSV has a row per sentence after its relation, quoted where needed', () => {
    const csv = toCsv(full);
    expect(csv.startsWith('\ufeffkind,id,type,name,aliases,source,target,amountCny,role,evidence,start,end,articleId,articleTitle,articleDate,articleSource,articleUrl\n')).toBe(true);
    const rows = csv.trim().split('\n').slice(1);
    expect(rows.filter((r) => r.startsWith('node,'))).toHaveLength(3);
    expect(rows.filter((r) => r.startsWith('edge,'))).toHaveLength(2);
    expect(rows.filter((r) => r.startsWith('evidence,'))).toHaveLength(3);
    expect(rows).toContain(
      'evidence,r1,INVESTS_IN,,,enterprise:赛力斯,project:超级工厂项目,7037300000000,,赛力斯投资7037.3亿元建设超级工厂项目，,3,22,a1,赛力斯签约,2025-03-06,重庆日报,https://example.org/a1?x=1&y=2',
    );
    expect(rows).toContain('evidence,r2,COOPERATES_WITH,,,enterprise:赛力斯,platform:忽米网,,,"赛力斯与忽米网携手，共建""工业互联网""平台",0,21,a3,携手,2024-12-30,重庆日报,https://example.org/a3');
  });

  it('GEXF reads back (graphology-gexf) with the same nodes, edges and attributes', () => {
    const g = parseGexf(Graph, toGexf(full));
    expect([g.order, g.size]).toEqual([3, 2]);
    expect(g.getNodeAttributes('enterprise:赛力斯')).toMatchObject({ label: '赛力斯', type: 'ENTERPRISE', aliases: '赛力斯集团|Seres', degree: 12, x: 10, y: -20 });
    expect(g.getNodeAttribute('platform:忽米网', 'aliases')).toBe('"忽米" <平台>');
    expect(g.getEdgeAttributes('r1')).toMatchObject({
      relationType: 'INVESTS_IN',
      amountCny: 7_037_300_000_000,
      evidenceCount: 2,
      evidence: '赛力斯投资7037.3亿元建设超级工厂项目，\n超级工厂项目由赛力斯投资。',
      articleTitles: '赛力斯签约\n“超级工厂”开工',
      articleDates: '2025-03-06\n2025-04-01',
    });
    expect(g.isUndirected('r2')).toBe(true);
    expect(g.isDirected('r1')).toBe(true);
    expect(g.source('r1')).toBe('enterprise:赛力斯');
  });

  it('GraphML reads back (graphology-graphml) with the same nodes, edges and typed attributes', () => {
    const g = parseGraphml(Graph, toGraphml(full));
    expect([g.order, g.size]).toEqual([3, 2]);
    expect(g.getNodeAttributes('project:超级工厂项目')).toMatchObject({ label: '超级工厂项目', type: 'PROJECT' });
    expect(g.getNodeAttribute('enterprise:赛力斯', 'degree')).toBe(12);
    const r1 = g.findEdge((_k, a) => a.relationType === 'INVESTS_IN');
    expect(r1).toBeDefined();
    expect(g.getEdgeAttributes(r1!)).toMatchObject({ amountCny: 7_037_300_000_000, evidenceCount: 2, articleUrls: 'https://example.org/a1?x=1&y=2\n' });
    const r2 = g.findEdge((_k, a) => a.relationType === 'COOPERATES_WITH');
    expect(g.getEdgeAttribute(r2!, 'evidence')).toBe('赛力斯与忽米网携手，共建"工业互联网"平台');
  });
});
