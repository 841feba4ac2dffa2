import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { Api } from '../api';
import { TYPE_STYLE } from '../cyStyle';
import { formatAmount, formatDate, formatNumber } from '../format';
import type { Article, ArticleRef, ClusterProfileData, DistrictProfileData, EntityRef, EvidenceData, FigureData, RelationData } from '../types';
import { Chart } from './Chart';
import { relationLabel } from './Details';
import { EvidenceItem } from './Evidence';
import { Reader } from './Reader';
import { TypeBadge } from './TypeBadge';

export interface DashboardProps {
  api: Api;
  id: string;
  onBack: () => void;
  onOpenChain: (id: string) => void;
  onOpenProfile: (id: string) => void;
  onAddToCanvas: (e: EntityRef) => void;
  onError: (e: unknown) => void;
}

type Profile = { kind: 'district'; data: DistrictProfileData } | { kind: 'cluster'; data: ClusterProfileData };
type Facts = { label: string; figure: FigureData; relations: RelationData[] | null };

const AMOUNT = '#d27a26';
const PROJECTS = '#2f6db3';

/** Bars of amounts by category, with the project count as a line when asked for; horizontal for names. */
function barOption(categories: string[], amounts: number[], lang: string, names: { amount: string; projects: string }, projects?: number[], horizontal = false): EChartsCoreOption {
  const money = (v: number) => formatAmount(v, lang) || '0';
  const category = { type: 'category', data: categories, axisLabel: { width: horizontal ? 130 : 80, overflow: 'truncate', interval: 0 } };
  // Across, amounts are long ('CNY 12.5 bn'): fewer ticks, none on top of another, no axis title.
  const value = horizontal
    ? { type: 'value', splitNumber: 3, axisLabel: { formatter: money, hideOverlap: true } }
    : { type: 'value', name: names.amount, axisLabel: { formatter: money } };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => (typeof v === 'number' ? (v % 1 === 0 && v < 10_000 ? String(v) : money(v)) : String(v)) },
    legend: projects ? { data: [names.amount, names.projects], top: 0 } : undefined,
    grid: { left: horizontal ? 150 : 70, right: projects ? 50 : 40, top: projects ? 36 : 16, bottom: 30 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal
      ? { ...category, inverse: true }
      : projects
        ? [value, { type: 'value', name: names.projects, minInterval: 1, splitLine: { show: false } }]
        : value,
    series: [
      { name: names.amount, type: 'bar', data: amounts, itemStyle: { color: AMOUNT }, barMaxWidth: 28, cursor: 'pointer' },
      ...(projects ? [{ name: names.projects, type: 'line', yAxisIndex: 1, data: projects, itemStyle: { color: PROJECTS }, symbolSize: 8 }] : []),
    ],
  };
}

export function Dashboard({ api, id, onBack, onOpenChain, onOpenProfile, onAddToCanvas, onError }: DashboardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [profile, setProfile] = useState<Profile | null>(null);
  const [facts, setFacts] = useState<Facts | null>(null);
  const [reader, setReader] = useState<{ article: Article; start: number; end: number } | null>(null);

  useEffect(() => {
    let live = true;
    setProfile(null);
    setFacts(null);
    setReader(null);
    const load: Promise<Profile> = id.startsWith('cluster:')
      ? api.clusterProfile(id).then((data) => ({ kind: 'cluster' as const, data }))
      : api.districtProfile(id).then((data) => ({ kind: 'district' as const, data }));
    load.then((p) => live && setProfile(p), (e) => live && onError(e));
    return () => {
      live = false;
    };
  }, [api, id]);

  const showFacts = (label: string, figure: FigureData) => {
    setReader(null);
    setFacts({ label, figure, relations: null });
    api.relations(figure.relationIds.slice(0, 50)).then(
      (relations) => setFacts((f) => (f && f.figure === figure ? { ...f, relations } : f)),
      onError,
    );
  };
  const read = async (articleId: string, start = 0, end = 0) => {
    try {
      const a = await api.article(articleId);
      if (a) setReader({ article: a, start, end });
    } catch (e) {
      onError(e);
    }
  };

  const names = { amount: t('profile.amount'), projects: t('profile.projectCount') };
  const yearLabel = (y: string | null) => y ?? t('profile.unknownYear');
  const byYear = profile?.data.byYear ?? [];
  const yearOption = useMemo(
    () => barOption(byYear.map((y) => yearLabel(y.year)), byYear.map((y) => y.figure.amountCny), lang, names, byYear.map((y) => y.figure.projects)),
    [profile, lang],
  );
  const split = profile?.kind === 'district' ? profile.data.byCluster.map((c) => ({ name: c.cluster?.name ?? t('profile.noCluster'), figure: c.figure })) : (profile?.data.byDistrict ?? []).map((d) => ({ name: d.district?.name ?? t('profile.noDistrict'), figure: d.figure }));
  const splitTop = split.slice(0, 12);
  const splitOption = useMemo(() => barOption(splitTop.map((s) => s.name), splitTop.map((s) => s.figure.amountCny), lang, names, undefined, true), [profile, lang]);
  const investors = profile?.data.topInvestors ?? [];
  const investorOption = useMemo(() => barOption(investors.map((i) => i.enterprise.name), investors.map((i) => i.figure.amountCny), lang, names, undefined, true), [profile, lang]);

  if (!profile) {
    return (
      <div className="screen dashboard" data-testid="dashboard">
        <div className="screen-head">
          <button type="button" onClick={onBack}>
            ← {t('profile.back')}
          </button>
          <span className="spinner" role="status">
            {t('canvas.loading')}
          </span>
        </div>
      </div>
    );
  }

  const subject = profile.kind === 'district' ? profile.data.district : profile.data.cluster;
  const total = profile.data.total;
  const entityLink = (e: EntityRef) => (
    <button type="button" className="link" onClick={() => (e.type === 'CLUSTER' || e.type === 'DISTRICT' ? onOpenProfile(e.id) : onAddToCanvas(e))}>
      {e.name}
    </button>
  );
  const factsButton = (label: string, figure: FigureData) => (
    <button type="button" className="mini" onClick={() => showFacts(label, figure)} aria-label={`${t('profile.showFacts')}: ${label}`}>
      {t('profile.showFacts')} {figure.factCount}
    </button>
  );
  const articles = (list: ArticleRef[]) => (
    <ul className="plain" data-testid="recent-articles">
      {list.length === 0 && <li className="muted">{t('profile.none')}</li>}
      {list.map((a) => (
        <li key={a.id}>
          <button type="button" className="link" onClick={() => void read(a.id)}>
            {a.title ?? a.id}
          </button>
          {a.date && <span className="muted"> · {formatDate(a.date, lang)}</span>}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="screen dashboard" data-testid="dashboard">
      <div className="screen-head">
        <button type="button" onClick={onBack}>
          ← {t('profile.back')}
        </button>
        <h2>
          {t(profile.kind === 'district' ? 'profile.district' : 'profile.cluster')} · <TypeBadge type={subject.type} /> {subject.name}
        </h2>
        {profile.kind === 'cluster' && (
          <button type="button" className="mini" onClick={() => onOpenChain(subject.id)}>
            {t('canvas.chainView')}
          </button>
        )}
        <button type="button" className="mini" onClick={() => onAddToCanvas(subject)}>
          {t('chain.addToCanvas')}
        </button>
      </div>
      <div className="screen-body">
        <div className="dashboard-main">
          <div className="kpis">
            <button type="button" className="kpi" data-testid="kpi-total" onClick={() => showFacts(t('profile.totalInvestment'), total)}>
              <span className="kpi-value" style={{ color: AMOUNT }}>
                {formatAmount(total.amountCny, lang) || '0'}
              </span>
              <span className="kpi-label">{t('profile.totalInvestment')}</span>
            </button>
            <div className="kpi" data-testid="kpi-projects">
              <span className="kpi-value" style={{ color: PROJECTS }}>
                {formatNumber(total.projects, lang)}
              </span>
              <span className="kpi-label">{t('profile.projects')}</span>
            </div>
            <div className="kpi" data-testid="kpi-enterprises">
              <span className="kpi-value" style={{ color: TYPE_STYLE.ENTERPRISE.color }}>
                {formatNumber(profile.kind === 'district' ? profile.data.enterprises : profile.data.memberCount, lang)}
              </span>
              <span className="kpi-label">{t(profile.kind === 'district' ? 'profile.enterprises' : 'profile.members')}</span>
            </div>
          </div>
          <p className="muted">{t('profile.factsHint')}</p>
          <div className="cards">
            <section className="card wide">
              <h3>{t('profile.byYear')}</h3>
              {byYear.length ? (
                <Chart option={yearOption} height={240} label={t('profile.byYear')} testId="chart-by-year" onPick={(i) => byYear[i] && showFacts(yearLabel(byYear[i].year), byYear[i].figure)} />
              ) : (
                <p className="muted">{t('profile.none')}</p>
              )}
            </section>
            <section className="card">
              <h3>{t(profile.kind === 'district' ? 'profile.byCluster' : 'profile.byDistrict')}</h3>
              {splitTop.length ? (
                <Chart option={splitOption} height={Math.max(120, 28 * splitTop.length + 50)} label={t(profile.kind === 'district' ? 'profile.byCluster' : 'profile.byDistrict')} testId="chart-split" onPick={(i) => splitTop[i] && showFacts(splitTop[i].name, splitTop[i].figure)} />
              ) : (
                <p className="muted">{t('profile.none')}</p>
              )}
            </section>
            <section className="card">
              <h3>{t('profile.topInvestors')}</h3>
              {investors.length ? (
                <Chart option={investorOption} height={Math.max(120, 28 * investors.length + 50)} label={t('profile.topInvestors')} testId="chart-investors" onPick={(i) => investors[i] && showFacts(investors[i].enterprise.name, investors[i].figure)} />
              ) : (
                <p className="muted">{t('profile.none')}</p>
              )}
            </section>
            {profile.kind === 'district' ? (
              <>
                <section className="card" data-testid="district-clusters">
                  <h3>{t('profile.clusters')}</h3>
                  <ul className="plain">
                    {profile.data.clusters.length === 0 && <li className="muted">{t('profile.none')}</li>}
                    {profile.data.clusters.map((c) => (
                      <li key={c.cluster.id} data-testid="cluster-row">
                        {entityLink(c.cluster)} <span className="muted">{t('profile.membersCount', { n: c.members, count: c.members })}</span>
                        <div>
                          <span className="leader-tag">{t('role.leader')}</span>{' '}
                          {c.leaders.length ? c.leaders.map((l, i) => <span key={l.id}>{i > 0 && '、'}{entityLink(l)}</span>) : <span className="muted">{t('profile.noLeader')}</span>}{' '}
                          {factsButton(c.cluster.name, c.figure)}
                        </div>
                      </li>
                    ))}
                  </ul>
                </section>
                <section className="card" data-testid="district-platforms">
                  <h3>{t('profile.platforms')}</h3>
                  <ul className="plain">
                    {profile.data.platforms.length === 0 && <li className="muted">{t('profile.none')}</li>}
                    {profile.data.platforms.map((p) => (
                      <li key={p.platform.id}>
                        {entityLink(p.platform)}
                        {p.operators.length > 0 && (
                          <span className="muted">
                            {' '}
                            · {t('profile.operators')} {p.operators.map((o) => o.name).join('、')}
                          </span>
                        )}{' '}
                        {factsButton(p.platform.name, p.figure)}
                      </li>
                    ))}
                  </ul>
                </section>
              </>
            ) : (
              <>
                <section className="card" data-testid="cluster-leaders">
                  <h3>{t('profile.leaders')}</h3>
                  <ul className="plain">
                    {profile.data.leaders.length === 0 && <li className="muted">{t('profile.noLeader')}</li>}
                    {profile.data.leaders.map((m) => (
                      <li key={m.enterprise.id}>
                        <span className="leader-tag">{t('role.leader')}</span> {entityLink(m.enterprise)} {factsButton(m.enterprise.name, m.figure)}
                      </li>
                    ))}
                  </ul>
                  <h3>{t('profile.memberList')}</h3>
                  <ul className="plain columns">
                    {profile.data.members.map((m) => (
                      <li key={m.enterprise.id}>{entityLink(m.enterprise)}</li>
                    ))}
                  </ul>
                </section>
                <section className="card" data-testid="cluster-districts">
                  <h3>{t('profile.districts')}</h3>
                  <ul className="plain">
                    {profile.data.districts.map((d) => (
                      <li key={d.district.id}>
                        {entityLink(d.district)} <span className="muted">{d.home ? `${t('profile.home')} · ` : ''}{t('profile.enterprisesHere', { n: d.enterprises })}</span>{' '}
                        {factsButton(d.district.name, d.figure)}
                      </li>
                    ))}
                  </ul>
                </section>
              </>
            )}
            <section className="card">
              <h3>{t('profile.recentArticles')}</h3>
              {articles(profile.data.recentArticles)}
            </section>
          </div>
        </div>
        <aside className="right screen-side">
          {reader ? (
            <Reader article={reader.article} start={reader.start} end={reader.end} onClose={() => setReader(null)} />
          ) : facts ? (
            <div className="details" data-testid="facts">
              <h2>{t('profile.facts', { label: facts.label, n: facts.figure.factCount })}</h2>
              {facts.relations === null ? (
                <span className="spinner">{t('canvas.loading')}</span>
              ) : (
                <ul className="plain facts-list">
                  {facts.relations.map((r) => (
                    <li key={r.id} className="rel" data-testid="fact">
                      <div className="rel-head">
                        {entityLink(r.from)} <span className="rel-label">{relationLabel(r, t, lang)}</span> {entityLink(r.to)}
                      </div>
                      {(r.evidence ?? []).slice(0, 2).map((ev: EvidenceData, i) => (
                        <EvidenceItem key={i} evidence={ev} from={r.from} to={r.to} onRead={(e) => void read(e.article.id, e.start, e.end)} />
                      ))}
                    </li>
                  ))}
                </ul>
              )}
              {facts.relations && facts.figure.factCount > facts.relations.length && <p className="muted">{t('profile.moreFacts', { n: facts.figure.factCount - facts.relations.length })}</p>}
            </div>
          ) : (
            <p className="muted details-empty">{t('profile.factsHint')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
