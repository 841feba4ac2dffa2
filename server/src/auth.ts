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
