import { builtTogether, heldBy, namedOperator } from './operates';
import type { RelationRule } from './rule';
import { locatedHere } from './story';
import { designatedSupplier } from './supplies';

/** Sentence rules that run after the rules of the sentence loop, in this order. */
export const SENTENCE_RULES: RelationRule[] = [designatedSupplier, heldBy, builtTogether, locatedHere];

export { namedOperator };
