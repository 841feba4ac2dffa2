import { useCallback, useState } from 'react';
import type { Api, SavedViewData } from '../api';

/** The views saved on the server, listed in the views panel. */
export function useSavedViews(api: Api) {
  const [views, setViews] = useState<SavedViewData[]>([]);
  const refreshViews = useCallback(() => api.views().then(setViews, () => undefined), [api]);
  return { views, refreshViews };
}
