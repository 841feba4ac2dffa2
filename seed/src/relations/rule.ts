import type { RelationType } from '@chain-atlas/graph';
import type { M } from './context';
import type { SentenceScope } from './scope';

/** A sentence a rule must read, and the relation it must produce from it: `TYPE from -> to`. */
export interface RuleExample {
  text: string;
  relation: string;
}

/**
 * A relation rule (in the manner of duckling's rules and corpora): what it finds, sentences it must
 * produce its relation from, and sentences it must not fire on. Every example and negative runs
 * through the whole pipeline in `test/rules.test.ts`.
 *
 * A rule reads either the whole sentence (`apply`) or each standing mention of one type in turn
 * (`on` + `each`; returning true ends that mention's turn, as 双方将共建P does for the platform
 * rules after it). Rules without either are produced where `runs` says: by another rule's pattern
 * (`emittedBy`), by the story pass or by the pass over names.
 */
export interface RelationRule {
  id: string;
  type: RelationType;
  /**
   * How often a relation this rule produces is right, 0–1, as an analyst reads it: a verb stating the
   * relation between two names scores high; a relation inferred from the story's district, a name's
   * prefix or a word's position lower. The review queue shows the least certain facts first.
   */
  confidence: number;
  description: string;
  examples: RuleExample[];
  /** Sentences the rule must not fire on. */
  negatives: string[];
  apply?: (sc: SentenceScope) => void;
  on?: 'Project' | 'District' | 'Platform';
  each?: (sc: SentenceScope, m: M) => boolean | void;
  runs?: 'story' | 'names';
  /** The rule whose pattern also produces this rule's relations (a second relation type of one pattern). */
  emittedBy?: string;
}
