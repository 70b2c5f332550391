import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note } from '../components/ui';
import { UnitRatingFiguresDocument } from '../gql/graphql';
import { useI18n, type Translate } from '../i18n';
import { periodLabel } from '../indicators/round/period';
import { readExportRows } from '../results/download';
import { entryName, sharedRanks } from '../results/format';
import { changeOf, hasPrevious, RankChange } from '../results/RankChange';
import { useRankText } from '../results/RankTable';
import { TableWrap } from '../results/TableWrap';
import type { LeaderboardRow } from '../results/useLeaderboard';
import { levelsOfScale, percent, percentTotal } from './model';
import './ratings.css';

/** The RatingsMethod member of a selected `method`. */
export type RatingsOf<M> = Extract<M, { __typename: 'RatingsMethod' }>;

/** The round's ratings method as the document selected it, or null for any other method. */
export function ratingsOf<M extends { __typename: string }>(round: { method: M }): RatingsOf<M> | null {
  return round.method.__typename === 'RatingsMethod' ? (round.method as RatingsOf<M>) : null;
}

/**
 * The rule in one sentence: "群众评议（2026年5月）：满意率 = 满意的评价 ÷ 全部评价（申诉成立的差评不计）；
 * 评价满 30 条的单位按满意率的置信下限排名，评价少的单位不会因偶然的几条好评排到前面。"
 */
export function ratingsRuleInWords(
  t: Translate,
  method: { period: string; minRatings: number; rankBy: 'SATISFACTION' | 'WILSON'; scale: 'TWO_LEVEL' | 'FIVE_LEVEL' },
) {
  return t('ratings.results.rule', {
    period: periodLabel(t, method.period),
    satisfied: t(method.scale === 'TWO_LEVEL' ? 'ratings.results.satisfiedTwo' : 'ratings.results.satisfiedFive'),
    n: method.minRatings,
    rankBy: t(`ratings.results.rankBy.${method.rankBy}`),
  });
}

interface Breakdown {
  badRate: number | null;
  wilsonLower: number | null;
  removed: number | null;
}

const numberOf = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

/**
 * Each unit's 差评率, Wilson lower bound and ratings removed by appeal,
 * from the leaderboard export (JSON Lines: one request for the whole round, the same
 * visibility rules as the leaderboard).
 */
function useRatingsBreakdown(roundId: string, group: string | null) {
  const [state, setState] = useState<{ byEntry?: Map<string, Breakdown>; error?: ApiError }>({});
  const generation = useRef(0);
  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, error: undefined }));
    const search = group ? `?${new URLSearchParams({ group })}` : '';
    try {
      const rows = await readExportRows(`/export/rounds/${encodeURIComponent(roundId)}/leaderboard.json${search}`);
      const byEntry = new Map<string, Breakdown>();
      for (const row of rows) {
        if (typeof row.entryId !== 'string') continue;
        byEntry.set(row.entryId, {
          badRate: numberOf(row.bad_rate),
          wilsonLower: numberOf(row.wilson_lower),
          removed: numberOf(row.removed_by_appeal),
        });
      }
      if (mine === generation.current) setState({ byEntry });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error));
      if (mine === generation.current) setState((s) => ({ ...s, error: apiError }));
    }
  }, [roundId, group]);
  useEffect(() => {
    setState({});
    void load();
    return () => {
      generation.current++;
    };
  }, [load]);
  return state;
}

/**
 * The ranking of a ratings round (群众满意度排名): per unit its rank (并列 for ties), 满意率
 * in per cent with the number of ratings it rests on, 差评率, the Wilson lower bound and
 * ratings an upheld appeal removed; a unit with too few ratings is listed without a rank.
 * 查看 opens the unit's figures beside the table: the counts per level and the rates of
 * the follow-up (回访率, 整改率, 按期办结率).
 */
export function RatingsBoard({
  roundId,
  group,
  rows,
  minRatings,
  selected,
  onSelect,
}: {
  roundId: string;
  group: string | null;
  rows: LeaderboardRow[];
  minRatings: number;
  selected: string | null;
  onSelect: (entryId: string) => void;
}) {
  const { t, lang } = useI18n();
  const rankText = useRankText();
  const tied = sharedRanks(rows);
  const showChange = hasPrevious(rows);
  const breakdown = useRatingsBreakdown(roundId, group);
  return (
    <>
      {breakdown.error ? <ErrorNote error={breakdown.error} /> : null}
      <TableWrap label={t('ratings.results.board')}>
        <table className="table rank-table ratings-rank-table" data-testid="ratings-rank-table">
          <caption className="visually-hidden">{t('ratings.results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('results.table.rank')}
              </th>
              <th scope="col">{t('ratings.figures.unit')}</th>
              <th scope="col" className="num">
                {t('ratings.figures.satisfaction')}
              </th>
              <th scope="col" className="num">
                {t('ratings.figures.count')}
              </th>
              <th scope="col" className="num">
                {t('ratings.figures.bad')}
              </th>
              <th scope="col" className="num">
                {t('ratings.figures.wilson')}
              </th>
              <th scope="col" className="num">
                {t('ratings.figures.removed')}
              </th>
              {showChange ? (
                <th scope="col" className="num">
                  {t('results.change.column')}
                </th>
              ) : null}
              <th scope="col">{t('ratings.results.details')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = entryName(row.entry);
              const isTied = row.rank !== null && tied.has(row.rank);
              const b = breakdown.byEntry?.get(row.entry.id);
              const active = row.entry.id === selected;
              return (
                <tr key={row.entry.id} className={active ? 'row-selected' : undefined} data-entry={row.entry.id} data-rank={row.rank ?? ''}>
                  <td className="num rank-cell">{rankText(row.rank, isTied)}</td>
                  <th scope="row">{name}</th>
                  <td className="num strong" data-col="satisfaction">
                    {percentTotal(row.total)}
                    {row.rank === null && row.total !== null ? <span className="tag tag-warn">{t('ratings.figures.few', { n: minRatings })}</span> : null}
                  </td>
                  <td className="num" data-col="count">
                    {row.sheetCount}
                  </td>
                  <td className="num">{percent(lang, b?.badRate)}</td>
                  <td className="num">{percent(lang, b?.wilsonLower)}</td>
                  <td className="num">{b?.removed ?? '—'}</td>
                  {showChange ? (
                    <td className="num">
                      <RankChange change={changeOf({ rank: row.rank, previousRank: row.entry.previousRank, rankChange: row.entry.rankChange })} />
                    </td>
                  ) : null}
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      aria-pressed={active}
                      aria-label={t('ratings.results.open', { name })}
                      onClick={() => onSelect(row.entry.id)}
                    >
                      {t('results.table.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** One unit's figures in the round, the follow-up's rates included. */
export function UnitFigures({ roundId, unit, scale }: { roundId: string; unit: { id: string; name: string } | null; scale: 'TWO_LEVEL' | 'FIVE_LEVEL' }) {
  const { t, lang } = useI18n();
  const query = useQuery(UnitRatingFiguresDocument, { roundId, unitId: unit?.id ?? '' }, { skip: !unit });
  if (!unit) return <Note>{t('ratings.results.pick')}</Note>;
  if (query.error && !query.data) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  const f = query.data?.ratingFigures;
  if (!f) return <Loading />;
  const facts: [string, string][] = [
    [t('ratings.figures.count'), String(f.count)],
    ...f.byLevel.filter((b) => levelsOfScale(scale).includes(b.level)).map((b): [string, string] => [t(`ratings.level.${b.level}`), String(b.count)]),
    [t('ratings.figures.satisfaction'), percent(lang, f.satisfactionRate)],
    [t('ratings.figures.bad'), percent(lang, f.badRate)],
    [t('ratings.figures.wilson'), percent(lang, f.wilsonLower)],
    [t('ratings.figures.callback'), percent(lang, f.callbackRate)],
    [t('ratings.figures.rectification'), percent(lang, f.rectificationRate)],
    [t('ratings.figures.onTime'), percent(lang, f.onTimeRate)],
    [t('ratings.figures.removed'), String(f.removedByAppeal)],
  ];
  return (
    <div data-testid="unit-figures" data-unit={unit.id}>
      <h2>{t('ratings.results.unitTitle', { unit: unit.name })}</h2>
      <dl className="unit-figures">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('ratings.results.ratesExplain')}</p>
    </div>
  );
}
