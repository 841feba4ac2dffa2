import type { GraphStore } from './store';
import { RELATION_ENDPOINTS, type EntityType, type RelationType } from './model';
import { relationId } from './ids';

export interface GraphProblem {
  kind: string;
  detail: string;
}

/**
 * Checks that a graph is whole: every relation joins two entities that exist, with types the
 * ontology allows and the id its endpoints give; every relation has evidence; every piece of
 * evidence is the article's text at its offsets; every mention names an article that exists.
 * Works on any store, through its export.
 */
export async function checkGraph(store: GraphStore, options: { maxProblems?: number } = {}): Promise<{ problems: GraphProblem[]; counts: Record<string, number> }> {
  const max = options.maxProblems ?? 100;
  const problems: GraphProblem[] = [];
  const report = (kind: string, detail: string) => {
    if (problems.length < max) problems.push({ kind, detail });
  };
  const articles = new Map<string, string>();
  const entities = new Map<string, EntityType>();
  const relations = new Map<string, { type: RelationType; from: string; to: string; evidence: number }>();
  const counts: Record<string, number> = {};
  for await (const rec of store.exportRecords()) {
    counts[rec.kind] = (counts[rec.kind] ?? 0) + 1;
    switch (rec.kind) {
      case 'article':
        articles.set(rec.article.id, rec.article.text);
        break;
      case 'entity':
        entities.set(rec.entity.id, rec.entity.type);
        break;
      case 'mention':
        if (!entities.has(rec.entityId)) report('mention-entity', `${rec.entityId} in ${rec.articleId}`);
        if (!articles.has(rec.articleId)) report('mention-article', `${rec.entityId} in ${rec.articleId}`);
        break;
      case 'relation': {
        const r = rec.relation;
        const from = entities.get(r.from);
        const to = entities.get(r.to);
        if (!from || !to) {
          report('relation-endpoint', `${r.id}: ${r.from} → ${r.to}`);
          break;
        }
        const allowed = RELATION_ENDPOINTS[r.type];
        const fits = (allowed.from.includes(from) && allowed.to.includes(to)) || (r.type === 'COOPERATES_WITH' && allowed.from.includes(to));
        if (!fits) report('relation-types', `${r.id}: ${r.type} ${from} → ${to}`);
        if (relationId(r.type, r.from, r.to) !== r.id) report('relation-id', `${r.id} is not the id of ${r.type} ${r.from} → ${r.to}`);
        relations.set(r.id, { type: r.type, from: r.from, to: r.to, evidence: 0 });
        break;
      }
      case 'evidence': {
        const rel = relations.get(rec.relationId);
        if (!rel) {
          report('evidence-relation', rec.relationId);
          break;
        }
        rel.evidence++;
        const text = articles.get(rec.evidence.articleId);
        if (text === undefined) report('evidence-article', `${rec.relationId} in ${rec.evidence.articleId}`);
        else if (text.slice(rec.evidence.start, rec.evidence.end) !== rec.evidence.text) {
          report('evidence-offsets', `${rec.relationId} at ${rec.evidence.start}..${rec.evidence.end} of ${rec.evidence.articleId}`);
        }
        break;
      }
      default:
        break;
    }
  }
  for (const [id, r] of relations) if (r.evidence === 0) report('relation-without-evidence', id);
  return { problems, counts };
}
