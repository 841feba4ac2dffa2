import { useTranslation } from 'react-i18next';
import type { CanvasDispatch } from '../hooks/useCanvasHistory';
import type { Truncated } from '../hooks/useCanvasActions';
import { canRedo, canUndo, type History } from '../state';

/** Undo, redo, fit, show hidden, clear, and 显示更多 when the last expansion was cut short. */
export function CanvasToolbar({
  history,
  dispatch,
  truncated,
  onFit,
  onMore,
}: {
  history: History;
  dispatch: CanvasDispatch;
  truncated: Truncated | null;
  onFit: () => void;
  /** The next page of the expanded entity's neighbours. */
  onMore: (more: Truncated) => void;
}) {
  const { t } = useTranslation();
  const state = history.present;
  const nodeCount = Object.keys(state.nodes).length;
  return (
    <div className="toolbar" role="toolbar">
      <button type="button" disabled={!canUndo(history)} onClick={() => dispatch({ type: 'undo' })} title="Ctrl+Z">
        {t('canvas.undo')}
      </button>
      <button type="button" disabled={!canRedo(history)} onClick={() => dispatch({ type: 'redo' })} title="Ctrl+Shift+Z">
        {t('canvas.redo')}
      </button>
      <button type="button" onClick={onFit} title="F">
        {t('canvas.fit')}
      </button>
      <button type="button" disabled={!state.hidden.length} onClick={() => dispatch({ type: 'showAll' })}>
        {t('canvas.showAll')}
        {state.hidden.length > 0 && ` (${state.hidden.length})`}
      </button>
      <button type="button" disabled={!nodeCount} onClick={() => dispatch({ type: 'clear' })}>
        {t('canvas.clear')}
      </button>
      {truncated && state.nodes[truncated.id] && (
        <button type="button" className="more" title={state.nodes[truncated.id].name} onClick={() => onMore(truncated)}>
          {state.nodes[truncated.id].name}
          {t('punct.colon')}
          {t('canvas.showMorePaged', { n: truncated.shown, total: truncated.total })}
        </button>
      )}
    </div>
  );
}
