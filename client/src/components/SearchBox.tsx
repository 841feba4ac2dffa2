import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainError } from '../errors';
import type { SearchHitData } from '../types';
import { TypeBadge } from './TypeBadge';

export interface SearchBoxProps {
  search: (q: string) => Promise<SearchHitData[]>;
  onPick: (hit: SearchHitData) => void;
  debounceMs?: number;
  inputRef?: React.RefObject<HTMLInputElement | null>;
  /**
   * Extra action per hit (e.g. "path from"), small buttons beside the list (not inside its
   * options: an option holds no control). `name` is the button's accessible name for a hit; it
   * contains the visible label.
   */
  extraActions?: { label: string; name?: (hit: SearchHitData) => string; onClick: (hit: SearchHitData) => void }[];
}

export function SearchBox({ search, onPick, debounceMs = 200, inputRef, extraActions = [] }: SearchBoxProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHitData[]>([]);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<'idle' | 'loading' | 'done' | 'error'>('idle');
  const [error, setError] = useState('');
  const [open, setOpen] = useState(false);
  /** The query the listed hits answer (the list may lag behind the box while typing). */
  const [answered, setAnswered] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setHits([]);
      setStatus('idle');
      return;
    }
    const my = ++seq.current;
    const timer = setTimeout(() => {
      setStatus('loading');
      search(query).then(
        (h) => {
          // A slower answer to an older query must not overwrite the newer one.
          if (my !== seq.current) return;
          setHits(h);
          setAnswered(query);
          setActive(0);
          setStatus('done');
          setOpen(true);
        },
        (e: unknown) => {
          if (my !== seq.current) return;
          setStatus('error');
          setError(explainError(e, t).message);
        },
      );
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [q, search, debounceMs]);

  const pick = (h: SearchHitData | undefined) => {
    if (!h) return;
    onPick(h);
    setOpen(false);
  };

  const listed = open && hits.length > 0;
  const optionId = (i: number) => `search-hit-${i}`;

  return (
    <div className="search">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        aria-autocomplete="list"
        placeholder={t('search.placeholder')}
        value={q}
        aria-expanded={listed}
        aria-controls="search-results"
        aria-activedescendant={listed && hits[active] ? optionId(active) : undefined}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(hits[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {status === 'loading' && <div className="muted small">{t('search.searching')}</div>}
      {status === 'error' && <div className="error small" role="alert">{error}</div>}
      {status === 'done' && open && hits.length === 0 && <div className="muted small">{t('search.none', { q: q.trim() })}</div>}
      {listed && (
        // One grid: the options in the first column, their path buttons beside them in the second.
        <div className="search-results-box">
          <ul className="search-results" id="search-results" role="listbox" aria-label={t('search.label')} data-query={answered}>
            {hits.map((h, i) => (
              <li
                key={h.entity.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                style={{ gridRow: i + 1 }}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(h)}
                title={t('search.add')}
              >
                <TypeBadge type={h.entity.type} />
                <span className="hit-main">
                  <span className="hit-name">{h.entity.name}</span>
                  {h.matched && h.matched !== h.entity.name && <span className="hit-matched">{t('search.matched', { m: h.matched })}</span>}
                </span>
              </li>
            ))}
          </ul>
          {extraActions.length > 0 && (
            <div className="hit-actions-column" role="group" aria-label={t('search.pathEnds')}>
              {hits.map((h, i) => (
                <span key={h.entity.id} className={`hit-actions${i === active ? ' active' : ''}`} style={{ gridRow: i + 1 }} onMouseEnter={() => setActive(i)}>
                  {extraActions.map((a) => (
                    <button
                      key={a.label}
                      type="button"
                      className="mini"
                      aria-label={a.name?.(h)}
                      onClick={() => {
                        a.onClick(h);
                        setOpen(false);
                      }}
                    >
                      {a.label}
                    </button>
                  ))}
                </span>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
