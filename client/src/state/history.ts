// Undo / redo over canvas states.
import { emptyState, reduce, type Action, type CanvasState } from './canvas';

export interface History {
  past: CanvasState[];
  present: CanvasState;
  future: CanvasState[];
}

export type HistoryAction = Action | { type: 'undo' } | { type: 'redo' };

const LIMIT = 100;
/** Selecting is navigation, not an edit: it does not fill the undo stack. */
const UNRECORDED = new Set<Action['type']>(['select']);

export function initHistory(present: CanvasState = emptyState): History {
  return { past: [], present, future: [] };
}

export function historyReducer(h: History, a: HistoryAction): History {
  if (a.type === 'undo') {
    if (!h.past.length) return h;
    const prev = h.past[h.past.length - 1];
    // Selection stays where the analyst is, unless it points at something the undo removed.
    const selected = h.present.selected && (prev.nodes[h.present.selected] || prev.edges[h.present.selected]) ? h.present.selected : prev.selected;
    return { past: h.past.slice(0, -1), present: { ...prev, selected }, future: [h.present, ...h.future] };
  }
  if (a.type === 'redo') {
    if (!h.future.length) return h;
    const [next, ...rest] = h.future;
    return { past: [...h.past, h.present], present: next, future: rest };
  }
  const present = reduce(h.present, a);
  if (present === h.present) return h;
  if (UNRECORDED.has(a.type)) return { ...h, present };
  return { past: [...h.past, h.present].slice(-LIMIT), present, future: [] };
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;
