import type { ReactNode } from 'react';
import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note } from '../components/ui';
import { ResultsRoundDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { beijingDateTime, entryName, sharedRanks, standingOf, twoDecimals } from './format';
import { figure, indicatorsOf, two, type IndicatorsOf } from './indicatorFormat';
import { indicatorStanding, VetoReason, vetoedLast } from './IndicatorTable';
import { changeInWords, changeOf, hasPrevious } from './RankChange';
import { useRankText } from './RankTable';
import { resultsPath, roundRuleInWords, type ResultsRound } from './ResultsPage';
import { type Breakdown, useBreakdown } from './useBreakdown';
import { type LeaderboardRow, useFullLeaderboard } from './useLeaderboard';
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

/** Signature lines: one per judge label (or per role that signs), then the supervisor and the date. */
export function Signatures({ labels, title }: { labels: string[]; title?: string }) {
  const { t } = useI18n();
  return (
    <section className="signatures" aria-label={t('results.printout.signatures')}>
      <h2 className="signatures-title">{title ?? t('results.printout.judgesSign')}</h2>
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
  const rule = roundRuleInWords(t, lang, round);
  return (
    <header className="print-header">
      <p className="print-competition">{round.competition.name}</p>
      <h1>{title}</h1>
      {children}
      {rule ? (
        <p className="print-rule" data-testid="print-rule">
          {t(indicatorsOf(round) ? 'results.ind.printRule' : 'results.printout.rule')}
          {rule}
        </p>
      ) : null}
      <p className="print-dates">
        {round.resultsFinalizedAt
          ? t('results.printout.finalized', { time: beijingDateTime(lang, round.resultsFinalizedAt) })
          : t(indicatorsOf(round) ? 'results.ind.provisional' : 'results.printout.provisional')}
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
  const indicators = round ? indicatorsOf(round) : null;
  const breakdown = useBreakdown(roundId, group || null, indicators?.indicatorSet.sections.map((s) => s.key) ?? [], !indicators);
  const rankText = useRankText();

  if (roundQuery.error && !round) return <ErrorNote error={roundQuery.error} onRetry={() => void roundQuery.refetch()} />;
  if (board.error) return <ErrorNote error={board.error} onRetry={() => void board.refetch()} />;
  if (!roundQuery.data || !board.rows) return <Loading />;
  if (!round) return <Note kind="warn">{t('results.notFound')}</Note>;
  if (indicators) {
    if (breakdown.error) return <ErrorNote error={breakdown.error} onRetry={() => void breakdown.refetch()} />;
    if (!breakdown.byEntry) return <Loading />;
    return <IndicatorSheet round={round} method={indicators} rows={board.rows} breakdown={breakdown.byEntry} group={group} />;
  }

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

/**
 * An indicator round's 成绩单: per unit its rank, each section's score, 加分, 扣分, 总分 and
 * 名次变化, vetoed units last with the reason; signed by who drew it up, who checked it,
 * the supervisor, with the date. Wide sets print on A4 landscape.
 */
function IndicatorSheet({
  round,
  method,
  rows: unordered,
  breakdown,
  group,
}: {
  round: ResultsRound;
  method: IndicatorsOf<ResultsRound['method']>;
  rows: LeaderboardRow[];
  breakdown: ReadonlyMap<string, Breakdown>;
  group: string;
}) {
  const { t, lang } = useI18n();
  const rankText = useRankText();
  const rows = vetoedLast(unordered);
  const tied = sharedRanks(rows);
  const sections = method.indicatorSet.sections;
  const showChange = hasPrevious(rows);
  const cadres = rows.some((r) => r.entry.cadre);
  const title = t('results.printout.sheetTitle', { round: round.name });
  const back = `${resultsPath(round.id)}${group ? `?group=${encodeURIComponent(group)}` : ''}`;
  return (
    <div className={`print-doc${sections.length > 3 ? ' print-landscape' : ''}`} data-testid="print-sheet">
      <PrintToolbar back={back} backLabel={t('results.printout.back')} />
      <article className="print-page">
        <PrintHeader round={round} title={title}>
          {group ? <p className="print-subtitle">{t('results.printout.group', { group })}</p> : null}
        </PrintHeader>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('results.table.rank')}
              </th>
              <th scope="col">{cadres ? t('results.table.name') : t('results.table.unit')}</th>
              {group ? null : rows.some((r) => r.entry.group) ? <th scope="col">{t('results.table.group')}</th> : null}
              {sections.map((s) => (
                <th scope="col" className="num" key={s.key}>
                  {s.label}
                  <br />
                  {t('results.ind.printMax', { max: figure(lang, s.fullMark) })}
                </th>
              ))}
              <th scope="col" className="num">
                {t('results.ind.bonus')}
              </th>
              <th scope="col" className="num">
                {t('results.ind.penalty')}
              </th>
              <th scope="col" className="num">
                {t('results.table.total')}
              </th>
              {showChange ? (
                <th scope="col" className="num">
                  {t('results.change.column')}
                </th>
              ) : null}
              <th scope="col">{t('results.printout.remark')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const parts = row.total === null ? undefined : breakdown.get(row.entry.id);
              const standing = indicatorStanding(row);
              const change = changeOf({ rank: row.rank, previousRank: row.entry.previousRank, rankChange: row.entry.rankChange });
              return (
                <tr key={row.entry.id} data-entry={row.entry.id}>
                  <td className="num">{rankText(row.rank, row.rank !== null && tied.has(row.rank))}</td>
                  <td className="print-name">
                    {entryName(row.entry)}
                    {row.entry.cadre && row.entry.unit ? `（${row.entry.unit.name}）` : ''}
                  </td>
                  {group ? null : rows.some((r) => r.entry.group) ? <td>{row.entry.group ?? ''}</td> : null}
                  {sections.map((s) => (
                    <td className="num" key={s.key}>
                      {two(parts?.sections[s.key])}
                    </td>
                  ))}
                  <td className="num">{two(parts?.bonus)}</td>
                  <td className="num">{two(parts?.penalty)}</td>
                  <td className="num">{two(row.total)}</td>
                  {showChange ? (
                    <td className="num">
                      {change.kind === 'up' ? `↑${change.n}` : change.kind === 'down' ? `↓${change.n}` : change.kind === 'none' ? '' : changeInWords(t, change)}
                    </td>
                  ) : null}
                  <td>{standing === 'VETOED' ? <VetoReason entryId={row.entry.id} labelled /> : standing === 'NO_DATA' ? t('results.ind.noData') : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="print-count">{t('results.ind.printCount', { title, n: rows.length })}</p>
        {showChange ? <p className="print-count">{t('results.ind.printChangeNote')}</p> : null}
        <Signatures labels={[t('results.ind.signMaker'), t('results.ind.signChecker')]} title={t('results.ind.signTitle')} />
      </article>
    </div>
  );
}
