import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteGraphStore } from '../src/sqlite/store';
import { readRecords, writeRecords, type GraphRecord } from '../src/backup';
import { ARTICLE_1, ARTICLE_2, ARTICLE_3 } from '../src/contract';
import { entityId, relationId } from '../src/ids';

const dir = mkdtempSync(join(tmpdir(), 'chain-atlas-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(records: AsyncIterable<GraphRecord>): Promise<GraphRecord[]> {
  const out: GraphRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

const withoutHeaderTime = (records: GraphRecord[]) => records.map((r) => (r.kind === 'header' ? { ...r, exportedAt: '' } : r));

describe('backup and restore', () => {
  it('round-trips a curated graph exactly through a JSON Lines file', async () => {
    const source = SqliteGraphStore.open(join(dir, 'source.sqlite'));
    for (const a of [ARTICLE_1, ARTICLE_2, ARTICLE_3]) await source.upsertArticle(a);
    await source.addAlias(entityId('Enterprise', '云帆智造'), '云帆');
    await source.mergeEntities(entityId('Enterprise', '重庆星河动力科技有限公司'), entityId('Enterprise', '云帆智造'));
    const rejected = relationId('SUPPLIES', entityId('Enterprise', '青木材料股份有限公司'), entityId('Enterprise', '蓝鲸电池有限公司'));
    await source.rejectRelation(rejected, { reason: '隔膜供应只是传闻', actor: 'wang' });
    const file = join(dir, 'graph.jsonl');
    const written = await writeRecords(file, source.exportRecords());
    const exported = await collect(source.exportRecords());
    expect(written).toBe(exported.length);
    expect(new Set(exported.map((r) => r.kind))).toEqual(
      new Set(['header', 'article', 'entity', 'mention', 'relation', 'evidence', 'redirect', 'curation', 'held-relation', 'held-evidence', 'rejection', 'audit']),
    );
    // The rejected fact is not in the graph's records, only held beside them.
    expect(exported.some((r) => r.kind === 'relation' && r.relation.id === rejected)).toBe(false);

    const target = SqliteGraphStore.open(join(dir, 'target.sqlite'));
    const report = await target.importRecords(readRecords(file));
    const stats = await source.stats();
    expect(report).toMatchObject({ articles: stats.articles, entities: stats.entities, relations: stats.relations, evidence: stats.evidence, redirects: 1, curations: 2, rejections: 1, audit: 3 });
    expect(await target.stats()).toEqual(stats);
    expect(withoutHeaderTime(await collect(target.exportRecords()))).toEqual(withoutHeaderTime(exported));
    // Derived state is rebuilt: degrees, search, resolution through the merge.
    const kept = entityId('Enterprise', '重庆星河动力科技有限公司');
    expect((await target.getEntity(kept))!.degree).toBe((await source.getEntity(kept))!.degree);
    expect((await target.search('云帆'))[0].entity.id).toBe(kept);
    expect((await target.getEntity(entityId('Enterprise', '云帆智造')))!.id).toBe(kept);
    // The rejection came along, and still undoes.
    expect(await target.listRejections()).toEqual(await source.listRejections());
    expect(await target.auditLog()).toEqual(await source.auditLog());
    expect((await target.restoreRelation(rejected))!.evidence.map((e) => e.text)).toEqual(['青木材料股份有限公司为蓝鲸电池供应隔膜']);
    await source.close();
    await target.close();
  });

  it('refuses to import into a graph that is not empty, and writes nothing of a broken file', async () => {
    const store = SqliteGraphStore.open(join(dir, 'busy.sqlite'));
    await store.upsertArticle(ARTICLE_1);
    const file = join(dir, 'one.jsonl');
    await writeRecords(file, store.exportRecords());
    await expect(store.importRecords(readRecords(file))).rejects.toThrow(/empty/);

    const lines = readFileSync(file, 'utf8').trim().split('\n');
    // An evidence line pointing at a relation that is not there: the import must roll back whole.
    lines.push(JSON.stringify({ kind: 'evidence', relationId: 'rel:missing', evidence: { articleId: 'x', text: 'x', start: 0, end: 1 } }));
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `${lines.join('\n')}\n`);
    const empty = SqliteGraphStore.open(join(dir, 'empty.sqlite'));
    await expect(empty.importRecords(readRecords(broken))).rejects.toThrow(/relation not in the export/);
    expect(await empty.stats()).toMatchObject({ articles: 0, entities: 0, relations: 0, evidence: 0 });

    const notAnExport = join(dir, 'not.jsonl');
    writeFileSync(notAnExport, '{"hello": 1}\n');
    await expect(empty.importRecords(readRecords(notAnExport))).rejects.toThrow(/not a ChainAtlas/);
    await store.close();
    await empty.close();
  });
});
