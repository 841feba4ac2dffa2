import type { MentionType } from '../lexicon';
import type { Mention } from './scan';

/** A sentence a rule must read and the mention it must find in it: `Type name`. */
export interface MentionExample {
  text: string;
  mention: string;
}

/**
 * A mention rule: the names it finds, of which types, and how much it is trusted when two finds
 * overlap (`rank`; then the longer find wins). Examples and negatives run through the whole
 * pipeline in `test/rules.test.ts`. A rule without `find` is a second outcome of another rule's
 * pattern (`emittedBy`).
 */
export interface MentionRule {
  id: string;
  types: MentionType[];
  rank: number;
  description: string;
  examples: MentionExample[];
  /** Sentences the rule must not fire on. */
  negatives: string[];
  find?: (text: string, out: Mention[]) => void;
  emittedBy?: string;
  /** Rules that add an entity while names are resolved, not while the page is scanned. */
  runs?: 'resolve';
}
