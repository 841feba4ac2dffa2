import { randomBytes } from 'node:crypto';
import { GraphStoreError } from './store';
import { STORE_BOUNDS } from './core/limits';

// Saved views, shared by both stores: the checks and limits in one place.

/** A canvas of a few thousand entities with positions fits; a runaway client does not. */
export const VIEW_STATE_MAX_CHARS = 512 * 1024;
export const VIEW_NAME_MAX_CHARS = 100;
export const VIEWS_PAGE_DEFAULT = STORE_BOUNDS.viewsPage.default;
export const VIEWS_PAGE_MAX = STORE_BOUNDS.viewsPage.max;

export interface SaveViewInput {
  name: string | null;
  state: string;
  /** Hash of the secret its author keeps to delete it (the server makes both). */
  ownerHash: string;
}

export interface ViewPageOptions {
  first?: number;
  /** The id of the last view of the previous page. */
  after?: string | null;
}

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** 12 characters of a 31-letter alphabet without look-alikes: ~59 bits, unguessable enough for a link. */
export function newViewId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

export function checkSaveView(input: SaveViewInput): SaveViewInput {
  const name = input.name == null ? null : input.name.trim();
  if (name !== null && (name.length === 0 || name.length > VIEW_NAME_MAX_CHARS)) {
    throw new GraphStoreError('BAD_INPUT', `a view name has 1–${VIEW_NAME_MAX_CHARS} characters`);
  }
  if (typeof input.state !== 'string' || input.state.length === 0) throw new GraphStoreError('BAD_INPUT', 'a view needs a state');
  if (input.state.length > VIEW_STATE_MAX_CHARS) {
    throw new GraphStoreError('BAD_INPUT', `a view state has at most ${VIEW_STATE_MAX_CHARS} characters (got ${input.state.length})`);
  }
  if (!input.ownerHash) throw new GraphStoreError('BAD_INPUT', 'a view needs an owner hash');
  return { name, state: input.state, ownerHash: input.ownerHash };
}

export function viewPageSize(first: number | undefined): number {
  const n = first ?? VIEWS_PAGE_DEFAULT;
  if (!Number.isInteger(n) || n < 1 || n > VIEWS_PAGE_MAX) throw new GraphStoreError('BAD_INPUT', `first is 1–${VIEWS_PAGE_MAX}`);
  return n;
}
