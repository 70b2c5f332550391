import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, ProgressBar } from '../components/ui';
import { RoundProgressDocument } from '../gql/graphql';
import { useI18n } from '../i18n';

const GRID_MARK = { RECEIVED: '✓', EXPECTED: '·', EXCUSED: '回避' } as const;

/** Sheets received against expected — per judge, and as a judges × entries grid — and each judge's leniency. */
export function ProgressView({ roundId, live }: { roundId: string; live: boolean }) {
  const { t, score, time } = useI18n();
  const { data, error, refetch, updatedAt } = useQuery(RoundProgressDocument, { roundId }, { pollMs: live ? 5000 : undefined });
  if (!data) return error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : <Loading />;
  const { roundProgress: progress, judgeStats } = data;
  const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(2));
  return (
    <div className="progress-view" data-testid="progress">
      <div className="section-head">
        <h3>{t('org.progress')}</h3>
        {updatedAt ? <span className="muted small">{t('common.updatedAt', { time: time(updatedAt) })}</span> : null}
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <ProgressBar
        label={t('org.progressTotal', { received: progress.received, expected: progress.expected })}
        value={progress.received}
        max={progress.expected}
      />

      <h4>{t('org.progressJudges')}</h4>
      <ul className="judge-bars">
        {progress.judges.map((j) => (
          <li key={j.judge.userId}>
            <ProgressBar label={`${j.judge.label} ${j.judge.name}`} value={j.received} max={j.expected} />
          </li>
        ))}
      </ul>

      <h4>{t('org.progressEntries')}</h4>
      <div className="table-wrap">
        <table className="table progress-grid">
          <thead>
            <tr>
              <th scope="col">{t('org.entry')}</th>
              {progress.judges.map(({ judge }) => (
                <th scope="col" key={judge.userId} title={judge.name} className="grid-judge">
                  {judge.label}
                </th>
              ))}
              <th scope="col" className="num">
                {t('org.sheets')}
              </th>
            </tr>
          </thead>
          <tbody>
            {progress.entries.map(({ entry, expected, received, judgeStates }) => {
              const name = entry.cadre?.name ?? entry.unit?.name ?? entry.title;
              return (
                <tr key={entry.id}>
                  <th scope="row">
                    {entry.order}. {name}
                  </th>
                  {judgeStates.map((state, i) => (
                    <td key={progress.judges[i]?.judge.userId ?? i} className={`grid-cell grid-${state.toLowerCase()}`}>
                      <span aria-hidden="true">{GRID_MARK[state]}</span>
                      <span className="visually-hidden">{t(`org.grid.${state}`)}</span>
                    </td>
                  ))}
                  <td className="num">
                    {received}/{expected}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>{t('org.judgeStats')}</h3>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('org.judge')}</th>
              <th scope="col" className="num">
                {t('org.sheets')}
              </th>
              <th scope="col" className="num">
                {t('org.mean')}
              </th>
              <th scope="col" className="num">
                {t('org.spread')}
              </th>
              <th scope="col" className="num">
                {t('org.deviation')}
              </th>
              <th scope="col" className="num">
                {t('org.z')}
              </th>
              <th scope="col">{t('org.outlier')}</th>
            </tr>
          </thead>
          <tbody>
            {judgeStats.map((s) => (
              <tr key={s.judge.userId} className={s.outlier ? 'row-outlier' : undefined}>
                <th scope="row">
                  {s.judge.label} {s.judge.name}
                </th>
                <td className="num">{s.sheetCount}</td>
                <td className="num">{score(s.mean)}</td>
                <td className="num">{fixed(s.spread)}</td>
                <td className="num">{s.meanDeviation === null ? '—' : `${s.meanDeviation > 0 ? '+' : ''}${s.meanDeviation.toFixed(2)}`}</td>
                <td className="num">{fixed(s.deviationZ)}</td>
                <td>{s.outlier ? <strong className="tag tag-warn">{t('org.outlierYes')}</strong> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
