import { useQuery } from '../api/hooks';
import { panelOf } from '../api/method';
import { ErrorNote, Loading, Note, StatusBadge } from '../components/ui';
import { ResultsAssessmentDocument, ResultsRoundDocument, type ResultsRoundQuery } from '../gql/graphql';
import { type Lang, type Translate, useI18n } from '../i18n';
import { RatingsBoard, ratingsOf, ratingsRuleInWords, UnitFigures } from '../ratings/RatingsResults';
import { Link, navigate, useLocation } from '../router';
import { AlertsPanel, BoardsPanel } from './BoardsPanel';
import { Downloads } from './Downloads';
import { beijingDateTime, entryName, groupsInOrder, ruleInWords, type RuleFacts } from './format';
import { GroupTabs } from './GroupTabs';
import { indicatorRuleInWords, indicatorsOf } from './indicatorFormat';
import { IndicatorTable } from './IndicatorTable';
import { JudgeStatsPanel } from './JudgeStatsPanel';
import { ProtocolHeading, ProtocolTable } from './Protocol';
import { RankTable } from './RankTable';
import { useBreakdown } from './useBreakdown';
import { useFullLeaderboard } from './useLeaderboard';
import { VerificationPanel } from './VerificationPanel';
import './results.css';

export type ResultsRound = NonNullable<ResultsRoundQuery['round']>;

/** The round's rule as the words helpers take it; null when the round is not a judged panel. */
export function ruleFactsOf(round: ResultsRound): RuleFacts | null {
  const panel = panelOf(round);
  if (!panel) return null;
  const labels = new Map(panel.rubric.criteria.map((c) => [c.key, c.label]));
  return {
    judgeCount: round.judges.length,
    trimHighest: panel.trimHighest,
    trimLowest: panel.trimLowest,
    trimScope: panel.trimScope,
    aggregate: panel.aggregate,
    normalization: panel.normalization,
    quorum: panel.quorum,
    quorumMode: panel.quorumMode,
    tieBreakers: panel.tieBreakers.map((key) => labels.get(key) ?? key),
  };
}

export const resultsPath = (roundId: string) => `/organizer/rounds/${encodeURIComponent(roundId)}/results`;
export const printPath = (roundId: string, group: string) =>
  `/organizer/rounds/${encodeURIComponent(roundId)}/print${group ? `?group=${encodeURIComponent(group)}` : ''}`;
export const protocolPath = (entryId: string) => `/organizer/entries/${encodeURIComponent(entryId)}/protocol`;

/** The round's rule in one sentence, whatever its method; null for a method this client does not know. */
export function roundRuleInWords(t: Translate, lang: Lang, round: ResultsRound): string | null {
  const rule = ruleFactsOf(round);
  if (rule) return ruleInWords(t, rule);
  const ratings = ratingsOf(round);
  if (ratings) return ratingsRuleInWords(t, ratings);
  const indicators = indicatorsOf(round);
  return indicators ? indicatorRuleInWords(t, lang, indicators) : null;
}

/**
 * A round's results for its organizers: the ranked table (per group), each entry's
 * protocol, the judges' statistics, the verification and the downloads; for an indicator
 * round (实绩比拼) the sections, 加分, 扣分 and 名次变化 per unit, each unit's 考核明细, the
 * 红黑榜 and the 预警 list instead of the judges' panels; for a ratings round (群众评议) the
 * units' 满意率 with the ratings each rests on, the levels, 差评率 and each unit's figures.
 * `?group=` and `?entry=` keep the open tab and protocol across reloads.
 */
export function ResultsPage({ roundId }: { roundId: string }) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const group = query.get('group') ?? '';
  const roundQuery = useQuery(ResultsRoundDocument, { id: roundId });
  const board = useFullLeaderboard(roundId, group || null);
  const round = roundQuery.data?.round;
  const indicators = round ? indicatorsOf(round) : null;
  const ratings = round ? ratingsOf(round) : null;
  const breakdown = useBreakdown(roundId, group || null, indicators?.indicatorSet.sections.map((s) => s.key) ?? [], !indicators);

  const setParams = (next: { group?: string; entry?: string | null }) => {
    const params = new URLSearchParams(query);
    if (next.group !== undefined) {
      if (next.group) params.set('group', next.group);
      else params.delete('group');
    }
    if (next.entry !== undefined) {
      if (next.entry) params.set('entry', next.entry);
      else params.delete('entry');
    }
    const search = params.toString();
    navigate(`${resultsPath(roundId)}${search ? `?${search}` : ''}`, { replace: true });
  };

  if (roundQuery.error && !round) return <ErrorNote error={roundQuery.error} onRetry={() => void roundQuery.refetch()} />;
  if (!roundQuery.data) return <Loading />;
  if (!round) return <Note kind="warn">{t('results.notFound')}</Note>;

  const rows = board.rows ?? [];
  const selected = rows.find((r) => r.entry.id === query.get('entry'))?.entry.id ?? rows[0]?.entry.id ?? null;
  const groups = groupsInOrder(round.entries);
  const names = new Map(rows.map((r) => [r.entry.id, entryName(r.entry)]));
  const rule = roundRuleInWords(t, lang, round);
  const refetchBoard = () => {
    void board.refetch();
    if (indicators) void breakdown.refetch();
  };

  return (
    <div className="results-page">
      <header className="results-head">
        <div>
          <p className="muted small">
            <Link to={`/organizer/rounds/${encodeURIComponent(round.id)}`}>{t('results.backToRound')}</Link> · {round.competition.name}
          </p>
          <h1>
            {t('results.title', { round: round.name })} <StatusBadge status={round.status} measured={indicators !== null || ratings !== null} />
          </h1>
          {rule ? (
            <p className="results-rule" data-testid="rule-words">
              {rule}
            </p>
          ) : null}
          <p className="muted small">
            {round.resultsFinalizedAt
              ? t('results.finalizedAt', { time: beijingDateTime(lang, round.resultsFinalizedAt) })
              : t(ratings ? 'ratings.results.notFinal' : indicators ? 'results.ind.notFinal' : 'results.notFinal')}
          </p>
        </div>
        {ratings ? null : (
          <div className="results-actions">
            <Link to={printPath(round.id, group)} className="button button-primary">
              {group ? t('results.printGroup', { group }) : t('results.print')}
            </Link>
          </div>
        )}
      </header>

      <Downloads
        roundId={round.id}
        roundName={round.name}
        competitionId={round.competition.id}
        competitionName={round.competition.name}
        group={group || null}
        method={ratings ? 'PUBLIC_RATING' : indicators ? 'INDICATORS' : 'PANEL'}
      />

      {indicators || ratings ? (
        <div className="results-overview">
          {/* A ratings round has no sizes of its own: the API's 10, 5 and 5. */}
          <BoardsPanel
            roundId={round.id}
            sizes={indicators?.boards ?? { red: 10, black: 5, mostImproved: 5 }}
            percent={ratings !== null}
            explain={ratings ? t('ratings.results.boardsExplain') : undefined}
            sizeWords={ratings ? { black: t('ratings.results.blackSize', { n: 5 }) } : undefined}
          />
          <AlertsPanel competitionId={round.competition.id} />
        </div>
      ) : null}

      {groups.length > 0 ? <GroupTabs groups={groups} value={group} onChange={(g) => setParams({ group: g, entry: null })} controls="results-board" /> : null}

      {ratings ? (
        <div className="results-grid ratings-results-grid">
          <section id="results-board" role={groups.length ? 'tabpanel' : undefined} className="panel results-board" aria-labelledby="board-title">
            <div className="section-head">
              <h2 id="board-title">{group ? t('results.boardGroup', { group }) : t('ratings.results.board')}</h2>
              {board.rows ? <span className="muted small">{t('results.ind.count', { n: board.totalCount ?? rows.length })}</span> : null}
            </div>
            <p className="muted small">{t('ratings.results.tableHint')}</p>
            {board.error ? <ErrorNote error={board.error} onRetry={() => void board.refetch()} /> : null}
            {!board.rows && !board.error ? <Loading /> : null}
            {board.rows && rows.length === 0 ? <Note>{t('results.ind.empty')}</Note> : null}
            {rows.length ? (
              <RatingsBoard
                roundId={round.id}
                group={group || null}
                rows={rows}
                minRatings={ratings.minRatings}
                selected={selected}
                onSelect={(entry) => setParams({ entry })}
              />
            ) : null}
          </section>
          <aside className="panel results-protocol" aria-label={t('ratings.results.unitRegion')}>
            <UnitFigures
              key={selected ?? ''}
              roundId={round.id}
              scale={ratings.scale}
              unit={(() => {
                const entry = rows.find((r) => r.entry.id === selected)?.entry;
                return entry?.unit ? { id: entry.unit.id, name: entry.unit.name } : null;
              })()}
            />
          </aside>
        </div>
      ) : indicators ? (
        <section id="results-board" role={groups.length ? 'tabpanel' : undefined} className="panel results-board" aria-labelledby="board-title">
          <div className="section-head">
            <h2 id="board-title">{group ? t('results.boardGroup', { group }) : t('results.board')}</h2>
            {board.rows ? <span className="muted small">{t('results.ind.count', { n: board.totalCount ?? rows.length })}</span> : null}
          </div>
          <p className="muted small">{t('results.ind.tableHint')}</p>
          {board.error ? <ErrorNote error={board.error} onRetry={refetchBoard} /> : null}
          {breakdown.error ? <ErrorNote error={breakdown.error} onRetry={() => void breakdown.refetch()} /> : null}
          {!board.rows && !board.error ? <Loading /> : null}
          {board.rows && rows.length === 0 ? <Note>{t('results.ind.empty')}</Note> : null}
          {rows.length ? (
            <IndicatorTable
              rows={rows}
              breakdown={breakdown.byEntry}
              set={indicators.indicatorSet}
              indicatorCount={indicators.indicatorSet.indicators.length}
              showGroups={groups.length > 0}
              open={query.get('entry')}
              onToggle={(entry) => setParams({ entry: query.get('entry') === entry ? null : entry })}
            />
          ) : null}
        </section>
      ) : (
        <div className="results-grid">
          <section id="results-board" role={groups.length ? 'tabpanel' : undefined} className="panel results-board" aria-labelledby="board-title">
            <div className="section-head">
              <h2 id="board-title">{group ? t('results.boardGroup', { group }) : t('results.board')}</h2>
              {board.rows ? <span className="muted small">{t('results.count', { n: board.totalCount ?? rows.length })}</span> : null}
            </div>
            {board.error ? <ErrorNote error={board.error} onRetry={() => void board.refetch()} /> : null}
            {!board.rows && !board.error ? <Loading /> : null}
            {board.rows && rows.length === 0 ? <Note>{t('results.empty')}</Note> : null}
            {rows.length ? <RankTable rows={rows} selected={selected} onSelect={(entry) => setParams({ entry })} /> : null}
          </section>
          <aside className="panel results-protocol" aria-label={t('results.protocol.region')}>
            {selected ? <ProtocolPanel entryId={selected} /> : <Note>{t('results.protocol.pick')}</Note>}
          </aside>
        </div>
      )}

      {indicators || ratings ? null : <JudgeStatsPanel roundId={round.id} />}
      <VerificationPanel roundId={round.id} names={names} method={ratings ? 'PUBLIC_RATING' : indicators ? 'INDICATORS' : 'PANEL'} />
    </div>
  );
}

function ProtocolPanel({ entryId }: { entryId: string }) {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(ResultsAssessmentDocument, { entryId });
  if (error && !data) return <ErrorNote error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  return (
    <div data-testid="protocol" data-entry={entryId}>
      <div className="section-head">
        <ProtocolHeading assessment={data.assessment} />
        <Link to={protocolPath(entryId)} className="button button-small">
          {t('results.protocol.print')}
        </Link>
      </div>
      <ProtocolTable assessment={data.assessment} showNames />
    </div>
  );
}
