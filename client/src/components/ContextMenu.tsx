import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasDispatch } from '../hooks/useCanvasHistory';
import { chainScreen, type Screen } from '../screens';
import type { CanvasState } from '../state';
import type { EntityRef, RelationType } from '../types';
import { RELATION_TYPES } from '../types';

/** Entities a chain view starts from. */
export const CHAIN_ROOTS: readonly string[] = ['ENTERPRISE', 'PLATFORM', 'CLUSTER'];

export interface MenuAt {
  id: string | null;
  kind: 'node' | 'edge' | 'bg';
  x: number;
  y: number;
}

/** The canvas's context menu: on a node, on an edge, or on the background. */
export function ContextMenu({
  menu,
  state,
  dispatch,
  onClose,
  onExpand,
  onFit,
  onPathFrom,
  onPathTo,
  onOpenView,
  onScreen,
}: {
  menu: MenuAt;
  state: CanvasState;
  dispatch: CanvasDispatch;
  onClose: () => void;
  onExpand: (id: string, types?: RelationType[]) => void;
  onFit: () => void;
  onPathFrom: (e: EntityRef) => void;
  onPathTo: (e: EntityRef) => void;
  onOpenView: (kind: 'district' | 'cluster', id: string) => void;
  onScreen: (s: Screen) => void;
}) {
  const { t } = useTranslation();
  const menuNode = menu.id ? state.nodes[menu.id] : null;
  const ref = useRef<HTMLUListElement>(null);
  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];

  // Opened by mouse or keyboard, the menu takes the focus on its first item, and gives it back
  // to where it was (the canvas list, the canvas) when it closes.
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    items()[0]?.focus();
    return () => {
      if (opener?.isConnected && (!document.activeElement || document.activeElement === document.body || ref.current?.contains(document.activeElement))) {
        opener.focus();
      }
    };
  }, [menu.id, menu.kind]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(all.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') (document.activeElement as HTMLElement | null)?.click();
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    // The menu's keys are the menu's: not undo, not the explorer's Escape (which would also clear the selection).
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <ul
      className="context-menu"
      role="menu"
      ref={ref}
      aria-label={menuNode ? t('canvas.menu', { name: menuNode.name }) : t('canvas.canvasMenu')}
      style={{ left: menu.x, top: menu.y }}
      onClick={onClose}
      onKeyDown={onKeyDown}
    >
      {menu.kind === 'node' && menuNode && (
        <>
          <li role="menuitem" tabIndex={-1} onClick={() => onExpand(menuNode.id)}>
            {t('canvas.expand')}
          </li>
          <li role="group" className="submenu" aria-label={t('canvas.expandBy')}>
            <span className="submenu-title" aria-hidden="true">
              {t('canvas.expandBy')}
            </span>
            {RELATION_TYPES.map((rt) => (
              <button type="button" role="menuitem" tabIndex={-1} key={rt} className="mini" onClick={() => onExpand(menuNode.id, [rt])}>
                {t(`relationType.${rt}`)}
              </button>
            ))}
          </li>
          {state.expansions[menuNode.id] && (
            <li role="menuitem" tabIndex={-1} onClick={() => dispatch({ type: 'collapse', origin: menuNode.id })}>
              {t('canvas.collapse')}
            </li>
          )}
          <li role="menuitem" tabIndex={-1} onClick={() => dispatch({ type: 'togglePin', id: menuNode.id })}>
            {state.pinned.includes(menuNode.id) ? t('canvas.unpin') : t('canvas.pin')}
          </li>
          <li role="menuitem" tabIndex={-1} onClick={() => dispatch({ type: 'hide', ids: [menuNode.id] })}>
            {t('canvas.hide')}
          </li>
          <li role="menuitem" tabIndex={-1} onClick={() => dispatch({ type: 'remove', ids: [menuNode.id] })}>
            {t('canvas.remove')}
          </li>
          <li role="menuitem" tabIndex={-1} onClick={() => onPathFrom(menuNode)}>
            {t('canvas.pathFrom')}
          </li>
          <li role="menuitem" tabIndex={-1} onClick={() => onPathTo(menuNode)}>
            {t('canvas.pathTo')}
          </li>
          {menuNode.type === 'DISTRICT' && (
            <li role="menuitem" tabIndex={-1} onClick={() => onOpenView('district', menuNode.id)}>
              {t('canvas.districtView')}
            </li>
          )}
          {menuNode.type === 'DISTRICT' && (
            <li role="menuitem" tabIndex={-1} onClick={() => onScreen({ kind: 'profile', id: menuNode.id })}>
              {t('canvas.districtProfile')}
            </li>
          )}
          {CHAIN_ROOTS.includes(menuNode.type) && (
            <li role="menuitem" tabIndex={-1} onClick={() => onScreen(chainScreen(menuNode.id))}>
              {t('canvas.chainView')}
            </li>
          )}
          {menuNode.type === 'CLUSTER' && (
            <li role="menuitem" tabIndex={-1} onClick={() => onScreen({ kind: 'profile', id: menuNode.id })}>
              {t('canvas.clusterProfile')}
            </li>
          )}
          {menuNode.type === 'CLUSTER' && (
            <li role="menuitem" tabIndex={-1} onClick={() => onOpenView('cluster', menuNode.id)}>
              {t('canvas.clusterView')}
            </li>
          )}
        </>
      )}
      {menu.kind === 'edge' && menu.id && (
        <li role="menuitem" tabIndex={-1} onClick={() => dispatch({ type: 'hide', ids: [menu.id!] })}>
          {t('canvas.hide')}
        </li>
      )}
      {menu.kind === 'bg' && (
        <>
          <li role="menuitem" tabIndex={-1} onClick={onFit}>
            {t('canvas.fit')}
          </li>
          <li role="menuitem" tabIndex={-1} onClick={() => dispatch({ type: 'showAll' })}>
            {t('canvas.showAll')}
          </li>
          <li role="menuitem" tabIndex={-1} onClick={() => dispatch({ type: 'clear' })}>
            {t('canvas.clear')}
          </li>
        </>
      )}
    </ul>
  );
}
