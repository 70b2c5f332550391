import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../api/client';
import { useMutation, useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note } from '../components/ui';
import { RefreshRatingsDocument, UnitRatingFiguresDocument, VerifyRatingsDocument, type RoundStatus } from '../gql/graphql';
import { useI18n } from '../i18n';
import { beijingTime } from '../results/format';
import { inTurns, levelsOfScale, percent, percentTotal, type FiguresRecord, type RatingsEntry, type RatingsRoundRecord } from './model';

type Loaded = { figures: Map<string, FiguresRecord>; at: number };

/** Every unit's figures, read a few units at a time, again when asked. */
function useUnitFigures(roundId: string, unitIds: readonly string[], skip: boolean) {
  const [state, setState] = useState<{ data?: Loaded; error?: ApiError; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const key = unitIds.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the list of units.
  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const answers = await inTurns(unitIds, 4, (unitId) => request(UnitRatingFiguresDocument, { roundId, unitId }));
      const figures = new Map(answers.map((a, i) => [unitIds[i]!, a.ratingFigures]));
      if (mine === generation.current) setState({ data: { figures, at: Date.now() }, loading: false });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error));
      if (mine === generation.current) setState((s) => ({ ...s, error: apiError, loading: false }));
    }
  }, [roundId, key]);
  useEffect(() => {
    if (!skip) void load();
  }, [load, skip]);
  return { ...state, reload: load };
}

/**
 * 评议数据: per unit the ratings counted, 满意率, 差评率, the Wilson lower bound and, from
 * the cases, 回访率, 整改率, 按期办结率 and the ratings an upheld appeal removed. The rank
 * is the leaderboard's, as last folded in: 刷新排名 folds the ratings so far in (the API
 * does it at close anyway); 核对计数 recounts the stored ratings against the counters.
 */
export function FiguresPanel({
  round,
  status,
  active,
  casesVersion,
  onChanged,
}: {
  round: RatingsRoundRecord;
  status: RoundStatus;
  active: boolean;
  /** Bumped when a case step may have changed the case rates or removed a rating. */
  casesVersion: number;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const entries = round.entries.filter((e) => e.unit);
  const unitIds = entries.map((e) => e.unit!.id);
  const figures = useUnitFigures(round.id, unitIds, !active);
  const refresh = useMutation(RefreshRatingsDocument);
  const [refreshed, setRefreshed] = useState<number | null>(null);
  const [verifying, setVerifying] = useState(false);
  const verify = useQuery(VerifyRatingsDocument, { roundId: round.id }, { skip: !verifying });
  const reload = figures.reload;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a case step elsewhere changes the case rates.
  useEffect(() => {
    if (active && casesVersion > 0) void reload();
  }, [casesVersion]);

  const doRefresh = async () => {
    setRefreshed(null);
    if (await refresh.mutate({ roundId: round.id })) {
      setRefreshed(Date.now());
      onChanged();
      void reload();
    }
  };
  const sorted = [...entries].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.order - b.order);
  const levels = levelsOfScale(round.method.scale);
  const totals = figures.data ? [...figures.data.figures.values()].reduce((n, f) => n + f.count, 0) : null;

  return (
    <section className="ratings-figures" aria-labelledby="figures-title" data-testid="rating-figures">
      <div className="section-head">
        <h3 id="figures-title">{t('ratings.figures.title')}</h3>
        <div className="row">
          <button type="button" className="button" disabled={figures.loading} onClick={() => void reload()}>
            {figures.loading ? t('ratings.figures.loading') : t('ratings.figures.reload')}
          </button>
          {status === 'OPEN' ? (
            <button type="button" className="button-primary" disabled={refresh.pending} onClick={() => void doRefresh()}>
              {refresh.pending ? t('ratings.figures.refreshing') : t('ratings.figures.refresh')}
            </button>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={verify.loading && verifying}
            onClick={() => (verifying ? void verify.refetch() : setVerifying(true))}
          >
            {t('ratings.figures.verify')}
          </button>
        </div>
      </div>
      <p className="muted small">{t(status === 'OPEN' ? 'ratings.figures.explainOpen' : 'ratings.figures.explainClosed')}</p>
      {refresh.error ? <ErrorNote error={refresh.error} /> : null}
      {refreshed ? (
        <Note kind="ok" live>
          {t('ratings.figures.refreshed', { time: beijingTime(lang, refreshed) })}
        </Note>
      ) : null}
      {verifying ? (
        verify.error ? (
          <ErrorNote error={verify.error} onRetry={() => void verify.refetch()} />
        ) : verify.data && !verify.loading ? (
          <div role="status" data-testid="rating-verification" data-ok={verify.data.verifyRatings.ok ? 'true' : 'false'}>
            <Note kind={verify.data.verifyRatings.ok ? 'ok' : 'warn'}>
              {t(verify.data.verifyRatings.ok ? 'ratings.verify.ok' : 'ratings.verify.failed', {
                counted: verify.data.verifyRatings.counted,
                stored: verify.data.verifyRatings.stored,
              })}
            </Note>
          </div>
        ) : (
          <Loading />
        )
      ) : null}
      {figures.error ? <ErrorNote error={figures.error} onRetry={() => void reload()} /> : null}
      {entries.length === 0 ? <Note>{t('ratings.figures.noUnits')}</Note> : null}
      {!figures.data && !figures.error && entries.length > 0 ? <Loading /> : null}
      {figures.data && entries.length > 0 ? (
        <>
          <p className="muted small" data-testid="figures-total">
            {t('ratings.figures.total', { units: entries.length, n: totals ?? 0, time: beijingTime(lang, figures.data.at) })}
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="figures-title">
            <table className="table table-compact figures-table">
              <caption className="visually-hidden">{t('ratings.figures.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('ratings.figures.rank')}
                  </th>
                  <th scope="col">{t('ratings.figures.unit')}</th>
                  <th scope="col" className="num">
                    {t('ratings.figures.count')}
                  </th>
                  <th scope="col">{t('ratings.figures.levels')}</th>
                  <th scope="col" className="num">
                    {t('ratings.figures.satisfaction')}
                  </th>
                  <th scope="col" className="num">
                    {t('ratings.figures.bad')}
                  </th>
                  <th scope="col" className="num">
                    {t('ratings.figures.wilson')}
                  </th>
                  <th scope="col" className="num">
                    {t('ratings.figures.callback')}
                  </th>
                  <th scope="col" className="num">
                    {t('ratings.figures.rectification')}
                  </th>
                  <th scope="col" className="num">
                    {t('ratings.figures.onTime')}
                  </th>
                  <th scope="col" className="num">
                    {t('ratings.figures.removed')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((entry) => (
                  <FigureRow
                    key={entry.id}
                    entry={entry}
                    figures={figures.data!.figures.get(entry.unit!.id)}
                    levels={levels}
                    minRatings={round.method.minRatings}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function FigureRow({
  entry,
  figures,
  levels,
  minRatings,
}: {
  entry: RatingsEntry;
  figures: FiguresRecord | undefined;
  levels: readonly string[];
  minRatings: number;
}) {
  const { t, lang } = useI18n();
  const few = figures ? figures.count < minRatings : false;
  return (
    <tr data-unit={entry.unit?.id} data-count={figures?.count ?? ''}>
      <td className="num">
        {entry.rank ?? '—'}
        {entry.rank === null && entry.total !== null ? <span className="tag tag-warn">{t('ratings.figures.unranked')}</span> : null}
      </td>
      <th scope="row">
        {entry.unit?.name ?? entry.title}
        {entry.total !== null ? <span className="muted small figures-board"> {t('ratings.figures.onBoard', { total: percentTotal(entry.total) })}</span> : null}
      </th>
      <td className="num">
        {figures?.count ?? '—'}
        {few ? <span className="tag tag-warn">{t('ratings.figures.few', { n: minRatings })}</span> : null}
      </td>
      <td className="small">
        {figures
          ? figures.byLevel
              .filter((b) => levels.includes(b.level))
              .map((b) => `${t(`ratings.level.${b.level}`)} ${b.count}`)
              .join(' · ')
          : '—'}
      </td>
      <td className="num strong">{percent(lang, figures?.satisfactionRate)}</td>
      <td className="num">{percent(lang, figures?.badRate)}</td>
      <td className="num">{percent(lang, figures?.wilsonLower)}</td>
      <td className="num">{percent(lang, figures?.callbackRate)}</td>
      <td className="num">{percent(lang, figures?.rectificationRate)}</td>
      <td className="num">{percent(lang, figures?.onTimeRate)}</td>
      <td className="num">{figures?.removedByAppeal ?? '—'}</td>
    </tr>
  );
}
