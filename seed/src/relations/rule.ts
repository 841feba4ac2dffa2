import type { RelationType } from '@chain-atlas/graph';
import type { Scope } from './context';

/** A sentence a rule must read, and the relation it must (or, as a negative, must not) produce: `TYPE from -> to`. */
export interface RuleExample {
  text: string;
  relation: string;
}

/**
 * A relation rule: what it finds, sentences it must produce its relation from and sentences it
 * must not fire on. Every rule runs through the whole pipeline in `test/rules.test.ts`.
 */
export interface RelationRule {
  id: string;
  type: RelationType;
  description: string;
  examples: RuleExample[];
  negatives: RuleExample[];
  /** Sentence rules apply here; rules of the discourse or of names run in their own pass (see `runs`). */
  apply?: (scope: Scope) => void;
  /** Where a rule without `apply` runs: the sentence loop of relate.ts, the story pass, or the pass over names. */
  runs?: 'sentence-loop' | 'story' | 'names';
}
