// The analyst's settings, kept in this browser: one typed object with its defaults, read and
// written through one pair of functions. Each field keeps the localStorage key it always had,
// so settings saved by an older explorer are read as they were.
import { NODE_SIZINGS, type NodeSizing } from './canvasDetail';

export interface Settings {
  /** The curation token; mutations carry it, reads never do. */
  token: string;
  /** The language the analyst chose (null: not chosen, the browser's or the link's decides). */
  lang: string | null;
  /** How many neighbours one expansion brings at most (the rest behind 显示更多). */
  expandLimit: number;
  /** The delete keys of the views this browser saved (view id → key): "mine" are the ones with a key. */
  viewKeys: Record<string, string>;
  /** Facts less certain than this (0–1) are drawn dashed on the canvas, and 待审核 can show only them. */
  reviewThreshold: number;
  /** What a node's size says: its type only, its degree, or the investments it takes part in. */
  nodeSize: NodeSizing;
  /** On a big canvas, a hub's leaves drawn as one "+N" node until opened. */
  bundleLeaves: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  token: '',
  lang: null,
  expandLimit: 40,
  viewKeys: {},
  reviewThreshold: 0.75,
  nodeSize: 'degree',
  bundleLeaves: true,
});

export const EXPAND_LIMIT_MAX = 500;

interface Field<K extends keyof Settings> {
  key: string;
  /** The stored text back as a value, or undefined when it is not a valid one (the default then). */
  parse: (raw: string) => Settings[K] | undefined;
  /** The text to store, or null to remove the key (the default needs no storage). */
  format: (v: Settings[K]) => string | null;
}

const FIELDS: { [K in keyof Settings]: Field<K> } = {
  token: { key: 'chainAtlas.token', parse: (raw) => raw, format: (v) => v || null },
  lang: { key: 'chainAtlas.lang', parse: (raw) => raw || undefined, format: (v) => v },
  expandLimit: {
    key: 'chainAtlas.expandLimit',
    parse: (raw) => {
      const n = Number(raw);
      return Number.isInteger(n) && n >= 1 && n <= EXPAND_LIMIT_MAX ? n : undefined;
    },
    format: (v) => String(v),
  },
  viewKeys: {
    key: 'chainAtlas.viewKeys',
    parse: (raw) => {
      try {
        const v: unknown = JSON.parse(raw);
        return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : undefined;
      } catch {
        return undefined;
      }
    },
    format: (v) => JSON.stringify(v),
  },
  reviewThreshold: {
    key: 'chainAtlas.reviewThreshold',
    parse: (raw) => {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
    },
    format: (v) => (v === DEFAULT_SETTINGS.reviewThreshold ? null : String(v)),
  },
  nodeSize: {
    key: 'chainAtlas.nodeSize',
    parse: (raw) => (NODE_SIZINGS as readonly string[]).includes(raw) ? (raw as NodeSizing) : undefined,
    format: (v) => v,
  },
  bundleLeaves: {
    key: 'chainAtlas.bundleLeaves',
    parse: (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined),
    format: (v) => String(v),
  },
};

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readField<K extends keyof Settings>(k: K, store: Storage | null): Settings[K] {
  const raw = store?.getItem(FIELDS[k].key);
  const v = raw == null ? undefined : FIELDS[k].parse(raw);
  return v === undefined ? (DEFAULT_SETTINGS[k] as Settings[K]) : v;
}

/** Every setting, each from its stored value or its default. */
export function readSettings(): Settings {
  const store = storage();
  return {
    token: readField('token', store),
    lang: readField('lang', store),
    expandLimit: readField('expandLimit', store),
    viewKeys: { ...readField('viewKeys', store) },
    reviewThreshold: readField('reviewThreshold', store),
    nodeSize: readField('nodeSize', store),
    bundleLeaves: readField('bundleLeaves', store),
  };
}

/** Stores the settings given (the others are left as they are); returns all of them as they now are. */
export function writeSettings(patch: Partial<Settings>): Settings {
  const store = storage();
  for (const k of Object.keys(patch) as (keyof Settings)[]) {
    const v = patch[k];
    if (v === undefined) continue;
    const text = (FIELDS[k] as Field<typeof k>).format(v as never);
    if (text == null) store?.removeItem(FIELDS[k].key);
    else store?.setItem(FIELDS[k].key, text);
  }
  return readSettings();
}
