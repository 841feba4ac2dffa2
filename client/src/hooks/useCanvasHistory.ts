import { useReducer, useRef } from 'react';
import { historyReducer, initHistory, type CanvasState, type History, type HistoryAction } from '../state';

export type CanvasAction = HistoryAction | { type: 'reset'; state: CanvasState };
export type CanvasDispatch = (a: CanvasAction) => void;

function resetHistory(h: History, a: CanvasAction): History {
  if (a.type === 'reset') return initHistory(a.state);
  return historyReducer(h, a);
}

/**
 * The canvas and its undo history. `stateRef` is the canvas as it is now, for callbacks that
 * run after an await (their closure's state may be old by then).
 */
export function useCanvasHistory() {
  const [history, dispatch] = useReducer(resetHistory, undefined, () => initHistory());
  const state = history.present;
  const stateRef = useRef(state);
  stateRef.current = state;
  return { history, state, stateRef, dispatch: dispatch as CanvasDispatch };
}
