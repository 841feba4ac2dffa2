import type { UpsertReport } from '../model';
import type { ImportReport } from '../backup';

/** What loading an article did before it did anything (an article already in the graph stays so). */
export function emptyUpsertReport(articleId: string): UpsertReport {
  return {
    articleId,
    created: false,
    entitiesAdded: [],
    entitiesExisting: [],
    relationsAdded: [],
    relationsExisting: [],
    evidenceAdded: 0,
  };
}

/** Counts of a restore before its first record. */
export function emptyImportReport(): ImportReport {
  return { articles: 0, entities: 0, relations: 0, evidence: 0, redirects: 0, curations: 0, rejections: 0, acceptances: 0, audit: 0 };
}
