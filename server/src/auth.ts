import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Whether an Authorization header carries the token. Both sides are hashed first so the
 * comparison takes the same time whatever the length or content of the guess; without a
 * configured token nothing is authorised (mutations stay closed rather than open).
 */
export function isAuthorized(header: string | undefined, token: string | undefined): boolean {
  if (!token) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const presented = match?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

/** A token and who holds it (null: the single anonymous CHAIN_ATLAS_TOKEN). */
export interface NamedToken {
  actor: string | null;
  token: string;
}

/**
 * `CHAIN_ATLAS_TOKENS="wang:…,li:…"`: one token per analyst, so the audit log says who did what.
 * A malformed entry, an empty name or token, or a name or token given twice is refused at start.
 */
export function parseNamedTokens(value: string | undefined): NamedToken[] {
  if (!value?.trim()) return [];
  const out: NamedToken[] = [];
  for (const entry of value.split(',')) {
    const at = entry.indexOf(':');
    const actor = at < 0 ? '' : entry.slice(0, at).trim();
    const token = at < 0 ? '' : entry.slice(at + 1).trim();
    if (!actor || !token || /\s/u.test(token)) throw new Error(`CHAIN_ATLAS_TOKENS: each entry is name:token (no spaces in the token), not ${JSON.stringify(entry.trim())}`);
    if (out.some((t) => t.actor === actor)) throw new Error(`CHAIN_ATLAS_TOKENS: ${actor} is named twice`);
    if (out.some((t) => t.token === token)) throw new Error(`CHAIN_ATLAS_TOKENS: two names share one token (${actor})`);
    out.push({ actor, token });
  }
  return out;
}

/**
 * Who an Authorization header names among the configured tokens. Every token is compared (in
 * constant time), so how long it takes says nothing about which one, or how much of one, matched.
 */
export function identify(header: string | undefined, tokens: NamedToken[]): { authorized: boolean; actor: string | null } {
  let found: NamedToken | null = null;
  for (const t of tokens) if (isAuthorized(header, t.token) && !found) found = t;
  return found ? { authorized: true, actor: found.actor } : { authorized: false, actor: null };
}
