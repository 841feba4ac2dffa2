import { agreement, cooperates, jointly, partner } from './cooperates-with';
import { implementedBy, invests, investedBy, ownProject } from './invests-in';
import {
  builtIn, districtCompany, foundedIn, parkGathers, districtGathers, districtGlued, districtGroup, districtOf, districtSubplace, districtTopic,
  landsIn, locatedAt, locatedHere, placeVerb, placeVerbList, plantAt, startsIn, subplace,
} from './located-in';
import { leaderList, leaderNamed, leaderOf, memberGathered, memberPartakes } from './member-of';
import { namePrefix, namedInvestor } from './names';
import { builtBy, builtTogether, coBuilt, consortium, formed, heldBy, namedAfter, namedOperator, runBy, runs } from './operates';
import type { RelationRule } from './rule';
import { storyLabelled, storyPlatform, storyProject, storySettled, storySigner } from './story';
import { designatedSupplier, ordersFrom, suppliedBy, supplierOf, supplierOfThese, supplies, suppliersInclude } from './supplies';

/**
 * Every relation rule, in the order the sentence loop applies them (earlier rules take a relation
 * first; rules reading one mention at a time run together, mention by mention), then the rules of
 * names and of the story.
 */
export const RELATION_RULES: readonly RelationRule[] = [
  districtGroup,
  invests, ownProject, landsIn, subplace,
  locatedAt, plantAt, districtOf, districtGlued, districtSubplace, districtCompany, districtGathers,
  investedBy, implementedBy, builtIn, foundedIn, parkGathers, placeVerb, placeVerbList, startsIn, runBy, supplierOf, partner, supplierOfThese, suppliedBy, suppliersInclude, districtTopic,
  leaderList, leaderOf, leaderNamed, memberPartakes, memberGathered,
  coBuilt, builtBy, runs, formed, consortium,
  cooperates, agreement, jointly, supplies,
  designatedSupplier, ordersFrom, heldBy, builtTogether, locatedHere,
  namePrefix, namedAfter, namedOperator, namedInvestor,
  storyProject, storyPlatform, storyLabelled, storySettled, storySigner,
];

const ids = new Set<string>();
for (const r of RELATION_RULES) {
  if (ids.has(r.id)) throw new Error(`relation rule id used twice: ${r.id}`);
  ids.add(r.id);
}

export type { RelationRule, RuleExample } from './rule';
