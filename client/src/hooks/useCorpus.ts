import { useCallback, useEffect, useState } from 'react';
import type { Api, StatsData } from '../api';

/** The corpus's counts (top bar) and its articles (curation), fetched at start and after curation. */
export function useCorpus(api: Api) {
  const [stats, setStats] = useState<StatsData | null>(null);
  const [articles, setArticles] = useState<{ id: string; title: string | null }[]>([]);
  useEffect(() => {
    void api.stats().then(setStats, () => setStats(null));
    void api.articles().then(setArticles, () => undefined);
  }, []);
  const refreshCorpus = useCallback(() => {
    void api.stats().then(setStats, () => undefined);
    void api.articles().then(setArticles, () => undefined);
  }, [api]);
  return { stats, articles, refreshCorpus };
}
