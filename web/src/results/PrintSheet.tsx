import type { ReactNode } from 'react';
import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note } from '../components/ui';
import { ResultsRoundDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { beijingDateTime, entryName, ruleInWords, sharedRanks, standingOf, twoDecimals } from './format';
import { useRankText } from './RankTable';
import { resultsPath, ruleFactsOf, type ResultsRound } from './ResultsPage';
import { useFullLeaderboard } from './useLeaderboard';
import './results.css';
import './print.css';

/** The screen-only bar above a printable page: back, and 打印. Hidden on paper. */
export function PrintToolbar({ back, backLabel }: { back: string; backLabel: string }) {
  const { t } = useI18n();
  return (
    <div className="print-toolbar no-print">
      <Link to={back}>{backLabel}</Link>
      <span className="muted small">{t('results.printout.hint')}</span>
      <button type="button" className="button-primary" onClick={() => window.print()}>
        {t('results.printout.print')}
      </button>
    </div>
  );
}

/** Signature lines: one per judge label, then the supervisor and the date. */
export function Signatures({ labels }: { labels: string[] }) {
  const { t } = useI18n();
  return (
    <section className="signatures" aria-label={t('results.printout.signatures')}>
      <h2 className="signatures-title">{t('results.printout.judgesSign')}</h2>
      <ul className="signature-grid">
        {labels.map((label) => (
          <li key={label} className="signature-line" data-judge={label}>
            <span>{label}</span>
            <span className="signature-blank" aria-hidden="true" />
          </li>
        ))}
      </ul>
      <div className="signature-footer">
        <SignatureLine label={t('results.printout.supervisorSign')} />
        <SignatureLine label={t('results.printout.date')} />
      </div>
    </section>
  );
}

function SignatureLine({ label }: { label: string }) {
  return (
    <p className="signature-line">
      <span>{label}</span>
      <span className="signature-blank" aria-hidden="true" />
    </p>
  );
}

/** The heading block every printout starts with: competition, title, rule, dates in Beijing time. */
export function PrintHeader({ round, title, children }: { round: ResultsRound; title: string; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const rule = ruleFactsOf(round);
  return (
    <header className="print-header">
      <p className="print-competition">{round.competition.name}</p>
      <h1>{title}</h1>
      {children}
      {rule ? (
        <p className="print-rule" data-testid="print-rule">
          {t('results.printout.rule')}
          {ruleInWords(t, rule)}
        </p>
      ) : null}
      <p className="print-dates">
        {round.resultsFinalizedAt
          ? t('results.printout.finalized', { time: beijingDateTime(lang, round.resultsFinalizedAt) })
          : t('results.printout.provisional')}
        {'　'}
        {t('results.printout.printedAt', { time: beijingDateTime(lang, Date.now()) })}
      </p>
    </header>
  );
}

/** The 成绩单: an A4 results list to print, sign and file. */
export function PrintSheet({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const group = query.get('group') ?? '';
  const roundQuery = useQuery(ResultsRoundDocument, { id: roundId });
  const board = useFullLeaderboard(roundId, group || null);
  const round = roundQuery.data?.round;
  const rankText = useRankText();

  if (roundQuery.error && !round) return <ErrorNote error={roundQuery.error} onRetry={() => void roundQuery.refetch()} />;
  if (board.error) return <ErrorNote error={board.error} onRetry={() => void board.refetch()} />;
  if (!roundQuery.data || !board.rows) return <Loading />;
  if (!round) return <Note kind="warn">{t('results.notFound')}</Note>;

  const rows = board.rows;
  const tied = sharedRanks(rows);
  const labels = [...round.judges].map((j) => j.label).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const back = `${resultsPath(round.id)}${group ? `?group=${encodeURIComponent(group)}` : ''}`;
  return (
    <div className="print-doc" data-testid="print-sheet">
      <PrintToolbar back={back} backLabel={t('results.printout.back')} />
      <article className="print-page">
        <PrintHeader round={round} title={t('results.printout.sheetTitle', { round: round.name })}>
          {group ? <p className="print-subtitle">{t('results.printout.group', { group })}</p> : null}
        </PrintHeader>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('results.table.rank')}
              </th>
              <th scope="col">{t('results.table.name')}</th>
              <th scope="col">{t('results.table.unit')}</th>
              <th scope="col">{t('results.table.group')}</th>
              <th scope="col" className="num">
                {t('results.table.total')}
              </th>
              <th scope="col">{t('results.printout.remark')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const standing = standingOf(row);
              return (
                <tr key={row.entry.id} data-entry={row.entry.id}>
                  <td className="num">{rankText(row.rank, row.rank !== null && tied.has(row.rank))}</td>
                  <td>{entryName(row.entry)}</td>
                  <td>{row.entry.cadre ? (row.entry.unit?.name ?? '') : ''}</td>
                  <td>{row.entry.group ?? ''}</td>
                  <td className="num">{twoDecimals(row.total)}</td>
                  <td>{standing === 'RANKED' ? '' : t(`results.standing.${standing}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="print-count">{t('results.printout.count', { title: t('results.printout.sheetTitle', { round: round.name }), n: rows.length })}</p>
        <Signatures labels={labels} />
      </article>
    </div>
  );
}
