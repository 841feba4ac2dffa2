import { badInput } from './errors';

/**
 * Cursors are opaque to clients (base64url) so that how a page is found can change without
 * breaking them. A relation cursor holds the relation's id: pages are in id order, so "after"
 * still means something when relations were added or removed between two pages. An article
 * cursor holds an offset into the store's newest-first listing.
 */
type CursorKind = 'relation' | 'article' | 'neighbour';
// A neighbour cursor holds the store's keyset position (the last neighbour's degree and id).
const PREFIX: Record<CursorKind, string> = { relation: 'r:', article: 'a:', neighbour: 'n:' };

export function encodeCursor(kind: CursorKind, value: string | number): string {
  return Buffer.from(`${PREFIX[kind]}${value}`, 'utf8').toString('base64url');
}

/** The value inside a cursor, or a BAD_USER_INPUT error for one this server did not make. */
export function decodeCursor(kind: CursorKind, cursor: string): string {
  const text = /^[A-Za-z0-9_-]*$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(PREFIX[kind]) || text.length === PREFIX[kind].length) {
    throw badInput(`'after' is not a ${kind} cursor from this API`, { argumentName: 'after' });
  }
  return text.slice(PREFIX[kind].length);
}

export function decodeOffsetCursor(cursor: string): number {
  const value = decodeCursor('article', cursor);
  if (!/^\d{1,9}$/.test(value)) throw badInput(`'after' is not an article cursor from this API`, { argumentName: 'after' });
  return Number(value);
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
