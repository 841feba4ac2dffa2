import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainError, type ShownError } from '../errors';

/** Requests with the loading indicator and the error banner: how many are in flight, and the last error. */
export function useRequest() {
  const { t } = useTranslation();
  const [error, setShown] = useState<ShownError | null>(null);
  const setError = useCallback((message: string | null) => setShown(message === null ? null : { message }), []);
  const [pending, setPending] = useState(0);

  const fail = useCallback(
    (e: unknown) => {
      setShown(explainError(e, t));
    },
    [t],
  );

  /** Runs a request; its error goes to the banner and it resolves to undefined. */
  const load = useCallback(
    async <T,>(p: () => Promise<T>): Promise<T | undefined> => {
      setPending((n) => n + 1);
      try {
        const v = await p();
        setError(null);
        return v;
      } catch (e) {
        fail(e);
        return undefined;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [fail],
  );

  return { error, setError, pending, fail, load };
}

export type Load = ReturnType<typeof useRequest>['load'];
