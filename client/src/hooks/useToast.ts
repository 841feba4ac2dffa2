import { useEffect, useState } from 'react';

/** A short message that goes away by itself. */
export function useToast(ms = 2500) {
  const [toast, setToast] = useState<string | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), ms);
    return () => clearTimeout(timer);
  }, [toast, ms]);
  return { toast, setToast };
}
