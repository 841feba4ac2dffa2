import { useEffect, type RefObject } from 'react';
import type { Core } from 'cytoscape';
import type { CanvasState } from '../state';
import type { EntityRef } from '../types';
import type { CanvasDispatch } from './useCanvasHistory';

/** The explorer's keyboard shortcuts (listed in the help panel). */
export function useKeyboard({
  stateRef,
  cyRef,
  searchRef,
  dispatch,
  selectedEntity,
  escape,
  toggleHelp,
  fit,
  expand,
  openMenu,
  deps,
}: {
  stateRef: RefObject<CanvasState>;
  cyRef: RefObject<Core | null>;
  searchRef: RefObject<HTMLInputElement | null>;
  dispatch: CanvasDispatch;
  selectedEntity: EntityRef | null;
  /** Escape: closes the topmost thing open (menu, reader, dialog), else clears the selection. */
  escape: () => void;
  toggleHelp: () => void;
  fit: () => void;
  expand: (id: string) => void;
  /** Shift+F10 or the menu key: the context menu of what is selected. */
  openMenu: () => void;
  /** What the handlers read from their closure: the listener is set again when it changes. */
  deps: unknown[];
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement | null)?.tagName;
      const typing = tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
      if (e.key === 'Escape') {
        escape();
        return;
      }
      if (typing) return;
      if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
        e.preventDefault();
        openMenu();
        return;
      }
      const mod = e.ctrlKey || e.metaKey;
      if (mod && (e.key === 'z' || e.key === 'Z')) {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
      } else if (mod && e.key === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      } else if (mod) {
        return;
      } else if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === '?') {
        toggleHelp();
      } else if (e.key === 'f' || e.key === 'F') {
        fit();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && stateRef.current.selected) {
        const boxed = cyRef.current?.$(':selected').map((x) => x.id()) ?? [];
        dispatch({ type: 'hide', ids: boxed.length ? boxed : [stateRef.current.selected] });
      } else if ((e.key === 'e' || e.key === 'E') && selectedEntity) {
        expand(selectedEntity.id);
      } else if ((e.key === 'p' || e.key === 'P') && selectedEntity) {
        dispatch({ type: 'togglePin', id: selectedEntity.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectedEntity, ...deps]);
}
