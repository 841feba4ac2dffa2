import { useEffect, useRef, type ReactNode } from 'react';
import { createFocusTrap } from 'focus-trap';

/**
 * A modal dialog: takes the focus when it opens, keeps Tab and Shift+Tab inside, and gives the
 * focus back to where it was when it closes (focus-trap). Escape is the explorer's key handler's.
 */
export function Modal({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const trap = createFocusTrap(el, {
      escapeDeactivates: false,
      allowOutsideClick: true,
      returnFocusOnDeactivate: true,
      fallbackFocus: el,
    });
    trap.activate();
    return () => {
      trap.deactivate();
    };
  }, []);
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={label} ref={ref} tabIndex={-1}>
      {children}
    </div>
  );
}
