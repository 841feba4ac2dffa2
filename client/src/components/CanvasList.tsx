import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasState } from '../state';

/**
 * What is on the canvas as a list: the canvas's text alternative, and the keyboard's way to its
 * nodes (Enter selects; then E expands, Shift+F10 opens the menu). Best connected first.
 */
export function CanvasList({ state, hiddenIds, onSelect }: { state: CanvasState; hiddenIds: Set<string>; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const nodes = Object.values(state.nodes);
  return (
    <section className="panel canvas-list" aria-label={t('canvasList.title')}>
      <h3>{t('canvasList.title')}</h3>
      <button type="button" className="mini" aria-expanded={open} aria-controls="canvas-list-entries" onClick={() => setOpen((o) => !o)}>
        {open ? t('canvasList.hide') : t('canvasList.show', { count: nodes.length })}
      </button>
      {open && (
        <>
          <p className="muted small">{t('canvasList.hint')}</p>
          <ul id="canvas-list-entries">
            {nodes
              .sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0) || a.name.localeCompare(b.name))
              .map((n) => (
                <li key={n.id}>
                  <button type="button" aria-current={state.selected === n.id} onClick={() => onSelect(n.id)}>
                    <span className="entry-name">{n.name}</span>
                    <span className="entry-meta">
                      {t(`entityType.${n.type}`)}
                      {n.degree != null && ` · ${t('canvasList.degree', { count: n.degree })}`}
                      {hiddenIds.has(n.id) && ` · ${t('canvasList.hidden')}`}
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
