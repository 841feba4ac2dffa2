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
  return (
    <ul className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }} onClick={onClose}>
      {menu.kind === 'node' && menuNode && (
        <>
          <li role="menuitem" onClick={() => onExpand(menuNode.id)}>
            {t('canvas.expand')}
          </li>
          <li className="submenu-title">{t('canvas.expandBy')}</li>
          <li className="submenu">
            {RELATION_TYPES.map((rt) => (
              <button type="button" key={rt} className="mini" onClick={() => onExpand(menuNode.id, [rt])}>
                {t(`relationType.${rt}`)}
              </button>
            ))}
          </li>
          {state.expansions[menuNode.id] && (
            <li role="menuitem" onClick={() => dispatch({ type: 'collapse', origin: menuNode.id })}>
              {t('canvas.collapse')}
            </li>
          )}
          <li role="menuitem" onClick={() => dispatch({ type: 'togglePin', id: menuNode.id })}>
            {state.pinned.includes(menuNode.id) ? t('canvas.unpin') : t('canvas.pin')}
          </li>
          <li role="menuitem" onClick={() => dispatch({ type: 'hide', ids: [menuNode.id] })}>
            {t('canvas.hide')}
          </li>
          <li role="menuitem" onClick={() => dispatch({ type: 'remove', ids: [menuNode.id] })}>
            {t('canvas.remove')}
          </li>
          <li role="menuitem" onClick={() => onPathFrom(menuNode)}>
            {t('canvas.pathFrom')}
          </li>
          <li role="menuitem" onClick={() => onPathTo(menuNode)}>
            {t('canvas.pathTo')}
          </li>
          {menuNode.type === 'DISTRICT' && (
            <li role="menuitem" onClick={() => onOpenView('district', menuNode.id)}>
              {t('canvas.districtView')}
            </li>
          )}
          {menuNode.type === 'DISTRICT' && (
            <li role="menuitem" onClick={() => onScreen({ kind: 'profile', id: menuNode.id })}>
              {t('canvas.districtProfile')}
            </li>
          )}
          {CHAIN_ROOTS.includes(menuNode.type) && (
            <li role="menuitem" onClick={() => onScreen(chainScreen(menuNode.id))}>
              {t('canvas.chainView')}
            </li>
          )}
          {menuNode.type === 'CLUSTER' && (
            <li role="menuitem" onClick={() => onScreen({ kind: 'profile', id: menuNode.id })}>
              {t('canvas.clusterProfile')}
            </li>
          )}
          {menuNode.type === 'CLUSTER' && (
            <li role="menuitem" onClick={() => onOpenView('cluster', menuNode.id)}>
              {t('canvas.clusterView')}
            </li>
          )}
        </>
      )}
      {menu.kind === 'edge' && menu.id && (
        <li role="menuitem" onClick={() => dispatch({ type: 'hide', ids: [menu.id!] })}>
          {t('canvas.hide')}
        </li>
      )}
      {menu.kind === 'bg' && (
        <>
          <li role="menuitem" onClick={onFit}>
            {t('canvas.fit')}
          </li>
          <li role="menuitem" onClick={() => dispatch({ type: 'showAll' })}>
            {t('canvas.showAll')}
          </li>
          <li role="menuitem" onClick={() => dispatch({ type: 'clear' })}>
            {t('canvas.clear')}
          </li>
        </>
      )}
    </ul>
  );
}
