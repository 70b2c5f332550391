import { useQuery } from '../api/hooks';
import { ErrorNote, Loading } from '../components/ui';
import { ResultsVerificationDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { beijingTime } from './format';
import { TableWrap } from './TableWrap';

/**
 * The API recomputes every entry from the stored sheet items and compares: the organizer
 * sees "核验通过" with what was checked, or every difference, before signing the 成绩单.
 */
export function VerificationPanel({
  roundId,
  names,
  method = 'PANEL',
}: {
  roundId: string;
  names: ReadonlyMap<string, string>;
  /** An indicator round is rebuilt from its verified values and approved adjustments, not from sheets. */
  method?: 'PANEL' | 'INDICATORS' | 'PUBLIC_RATING';
}) {
  const { t, lang } = useI18n();
  const { data, error, refetch, loading, updatedAt } = useQuery(ResultsVerificationDocument, { roundId });
  const result = data?.verifyRound;
  return (
    <section className="panel" aria-labelledby="verify-title">
      <div className="section-head">
        <h2 id="verify-title">{t('results.verify.title')}</h2>
        <button type="button" className="button-small no-print" onClick={() => void refetch()} disabled={loading}>
          {loading ? t('results.verify.running') : t('results.verify.again')}
        </button>
      </div>
      <p className="muted small">
        {t(
          method === 'PUBLIC_RATING'
            ? 'ratings.results.verifyExplain'
            : method === 'INDICATORS'
              ? 'results.verify.explainIndicators'
              : 'results.verify.explain',
        )}
      </p>
      {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {!result && !error ? <Loading /> : null}
      {result ? (
        <div role="status" data-testid="verification" data-ok={result.ok ? 'true' : 'false'}>
          <p className={result.ok ? 'note note-ok' : 'note note-error'}>
            {method === 'PUBLIC_RATING'
              ? t(result.ok ? 'ratings.results.verifyOk' : 'ratings.results.verifyFailed', {
                  entries: result.checkedEntries,
                  ratings: result.checkedSheets,
                  n: result.mismatches.length,
                })
              : method === 'INDICATORS'
                ? result.ok
                  ? t('results.verify.okIndicators', { entries: result.checkedEntries, values: result.checkedSheets })
                  : t('results.verify.failedIndicators', { entries: result.checkedEntries, values: result.checkedSheets, n: result.mismatches.length })
                : result.ok
                  ? t('results.verify.ok', { entries: result.checkedEntries, sheets: result.checkedSheets })
                  : t('results.verify.failed', { entries: result.checkedEntries, sheets: result.checkedSheets, n: result.mismatches.length })}
            {updatedAt ? ` ${t('results.verify.at', { time: beijingTime(lang, updatedAt) })}` : ''}
          </p>
          {result.mismatches.length ? (
            <TableWrap label={t('results.verify.mismatches')}>
              <table className="table">
                <caption className="visually-hidden">{t('results.verify.mismatches')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results.verify.entry')}</th>
                    <th scope="col">{t('results.verify.field')}</th>
                    <th scope="col">{t('results.verify.expected')}</th>
                    <th scope="col">{t('results.verify.actual')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.mismatches.map((m, i) => (
                    <tr key={`${m.entryId}-${m.field}-${i}`}>
                      <th scope="row">{names.get(m.entryId) ?? m.entryId}</th>
                      <td>{m.field}</td>
                      <td>{m.expected ?? '—'}</td>
                      <td>{m.actual ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
