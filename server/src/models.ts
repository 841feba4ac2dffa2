import type { Article, ArticleSummary, Curation, Evidence, Relation } from '@chain-atlas/graph';

// What resolvers hand each other where the schema's type is not one of the model's as it is
// (codegen.ts maps the schema's types to these): a resolver returning another shape fails the type check.

/** An article with its text, or a listing's summary without it (Article.text reads it then). */
export type ArticleParent = Article | ArticleSummary;

/** A piece of evidence with the relation it states. */
export type EvidenceParent = Evidence & { relation: Relation };

/** An enterprise's stake in a project, from its INVESTS_IN relation. */
export interface InvestmentParent {
  relation: Relation;
  enterpriseId: string;
  amountCny: number | null;
}

/** A dashboard figure: its numbers and the ids of the relations behind it (Figure.facts reads them). */
export interface FigureParent {
  amountCny: number;
  projects: number;
  relationIds: string[];
  factCount: number;
}

/** A rejected sentence, by its article's id (RejectedEvidence.article reads the article). */
export interface RejectedEvidenceParent {
  articleId: string;
  text: string;
  start: number;
  end: number;
}

/** What an analyst did by hand, as the store names it (alias, merge). */
export type CurationKind = Curation['kind'];
