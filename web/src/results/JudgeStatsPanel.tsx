import { useQuery } from '../api/hooks';
import { ErrorNote, Loading } from '../components/ui';
import { ResultsJudgeStatsDocument, type ResultsJudgeStatsQuery } from '../gql/graphql';
import { useI18n, type Translate } from '../i18n';
import { twoDecimals } from './format';
import { TableWrap } from './TableWrap';

type Stat = ResultsJudgeStatsQuery['judgeStats'][number];

/** Half a point either way counts as in line with the panel: marks move in steps of 0.5. */
const IN_LINE = 0.5;

/** A judge's leniency in one sentence: "平均比同场评委高 2.35 分，偏宽；在正常范围内。" */
export function statInWords(t: Translate, stat: Stat): string {
  if (stat.mean === null || stat.meanDeviation === null) return t('results.stats.none');
  const d = stat.meanDeviation;
  const lean =
    Math.abs(d) < IN_LINE
      ? t('results.stats.inLine', { d: twoDecimals(Math.abs(d)) })
      : d > 0
        ? t('results.stats.lenient', { d: twoDecimals(d) })
        : t('results.stats.strict', { d: twoDecimals(-d) });
  const verdict = stat.outlier ? t('results.stats.outlier', { z: twoDecimals(stat.deviationZ) }) : t('results.stats.normal');
  return `${lean}${t('results.stats.joiner')}${verdict}`;
}

/** Per-judge mean, spread and deviation from the panel, with the outliers flagged in words. */
export function JudgeStatsPanel({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(ResultsJudgeStatsDocument, { roundId });
  const stats = data ? [...data.judgeStats].sort((a, b) => Number(a.judge.label.slice(1)) - Number(b.judge.label.slice(1))) : [];
  const outliers = stats.filter((s) => s.outlier);
  return (
    <section className="panel" aria-labelledby="judge-stats-title">
      <h2 id="judge-stats-title">{t('results.stats.title')}</h2>
      <p className="muted small">{t('results.stats.explain')}</p>
      {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <p className={outliers.length ? 'note note-warn' : 'note note-ok'} data-testid="stats-summary">
          {outliers.length
            ? t('results.stats.outliersFound', { labels: outliers.map((s) => s.judge.label).join('、'), n: outliers.length })
            : t('results.stats.noOutliers', { n: stats.length })}
        </p>
      ) : null}
      {data ? (
        <TableWrap label={t('results.stats.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('results.stats.judge')}</th>
                <th scope="col" className="num">
                  {t('results.stats.sheets')}
                </th>
                <th scope="col" className="num">
                  {t('results.stats.mean')}
                </th>
                <th scope="col" className="num">
                  {t('results.stats.spread')}
                </th>
                <th scope="col" className="num">
                  {t('results.stats.deviation')}
                </th>
                <th scope="col" className="num">
                  {t('results.stats.z')}
                </th>
                <th scope="col">{t('results.stats.words')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.map((s) => (
                <tr
                  key={s.judge.userId}
                  className={s.outlier ? 'row-outlier' : undefined}
                  data-judge={s.judge.label}
                  data-outlier={s.outlier ? 'true' : 'false'}
                >
                  <th scope="row">
                    {s.judge.label} <span className="muted">{s.judge.name !== s.judge.label ? s.judge.name : ''}</span>
                  </th>
                  <td className="num">{s.sheetCount}</td>
                  <td className="num">{twoDecimals(s.mean)}</td>
                  <td className="num">{twoDecimals(s.spread)}</td>
                  <td className="num">{s.meanDeviation === null ? '—' : `${s.meanDeviation > 0 ? '+' : ''}${twoDecimals(s.meanDeviation)}`}</td>
                  <td className="num">{twoDecimals(s.deviationZ)}</td>
                  <td className="stats-words">{statInWords(t, s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
