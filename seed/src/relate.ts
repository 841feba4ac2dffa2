import { Discourse, storyTopics } from './discourse';
import type { ResolvedEntity, SpottedMention } from './resolve';
import type { Sentence } from './split';
import type { Ctx, FoundRelation, M } from './relations/context';
import { RELATION_RULES } from './relations/index';
import type { RelationRule } from './relations/rule';
import { relateNames } from './relations/names';
import { SentenceScope } from './relations/scope';
import { relateStories } from './relations/story';

export type { FoundRelation } from './relations/context';

/** The sentence rules as steps: a rule on its own, or a run of rules that read one mention at a time. */
type Step = { apply: RelationRule } | { each: RelationRule[] };

const STEPS: Step[] = (() => {
  const steps: Step[] = [];
  for (const r of RELATION_RULES) {
    if (r.apply) steps.push({ apply: r });
    else if (r.each) {
      const last = steps[steps.length - 1];
      if (last && 'each' in last) last.each.push(r);
      else steps.push({ each: [r] });
    }
  }
  return steps;
})();

/**
 * The six relation types from the rules of `relations/` over resolved mentions: sentence by
 * sentence (evidence is the sentence), then what names state by themselves, then what the story
 * says as a whole. Pure.
 */
export function relate(text: string, sentences: Sentence[], entities: ResolvedEntity[], spotted: SpottedMention[]): FoundRelation[] {
  const ctx: Ctx = { text, entities, out: [], seen: new Map() };
  const typed: M[] = spotted.map((m) => ({ ...m, type: entities[m.entity].type }));
  const byStart = [...typed].sort((a, b) => a.start - b.start);
  const discourse = new Discourse(text, byStart);
  let cursor = 0;
  for (const s of sentences) {
    while (cursor < byStart.length && byStart[cursor].start < s.start) cursor++;
    const inS: M[] = [];
    for (let k = cursor; k < byStart.length && byStart[k].start < s.end; k++) if (byStart[k].end <= s.end) inS.push(byStart[k]);
    discourse.enter(s, inS);
    const sc = new SentenceScope(ctx, discourse, s, inS);
    // A paragraph the page repeats was read the first time: its facts are counted once.
    if (!s.repeated) {
      for (const step of STEPS) {
        if ('apply' in step) step.apply.apply!(sc);
        else {
          for (const m of sc.top) {
            for (const rule of step.each) if (rule.on === m.type && rule.each!(sc, m)) break;
          }
        }
      }
    }
    discourse.leave(text, s, sc.top);
  }
  relateNames(ctx, sentences, typed);
  relateStories(ctx, sentences, typed, storyTopics(text, sentences, entities, spotted));
  return ctx.out;
}
