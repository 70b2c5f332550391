import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeError } from '../api/errors';
import { useQuery } from '../api/hooks';
import { ScreenBoardRoundDocument, ScreenBoardsDocument, ScreenLiveStateDocument, type ScreenBoardRoundQuery } from '../gql/graphql';
import { useLivePoll } from '../hall/phone/useLivePoll';
import { RevealShow, useRevealPlayer } from '../hall/screen/RevealShow';
import { useServerOffset } from '../hall/screen/clock';
import { StageBand } from '../hall/screen/StageBand';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { BoardRow, type BoardLine } from './BoardRow';
import { HallBoards } from './HallBoards';
import { pageInterval, pageSizes, ROW_GAP_PX, useAutoPage, useBoardLayout } from './paging';
import { screenStatus } from './status';
import { type ScreenLeaderboardNode, useLeaderboardPages } from './useLeaderboardPages';
import './screen.css';

type Round = NonNullable<ScreenBoardRoundQuery['round']>;
type LeaderboardNode = ScreenLeaderboardNode;
type RoundEntry = Round['entries'][number];
/** What the hall shows: 红黑榜 (indicator rounds) or the full ranking. */
type View = 'boards' | 'ranking';

/** Live boards follow the judges closely; the round itself (status, visibility) a little less. */
const LIVE_POLL_MS = 2000;
const SETTLED_POLL_MS = 15_000;
const ROUND_POLL_MS = 5000;

/** Groups in pitch order of their first entry (村书记, 社区书记, 机关书记 in the demo). */
export function groupsOf(entries: readonly { group: string | null }[]): string[] {
  const seen: string[] = [];
  for (const e of entries) if (e.group && !seen.includes(e.group)) seen.push(e.group);
  return seen;
}

/** Ranks shared by more than one row. */
export function tiedRanks(rows: readonly { rank: number | null }[]): Set<number> {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.rank !== null) counts.set(r.rank, (counts.get(r.rank) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([rank]) => rank));
}

function lineOf(
  entry: LeaderboardNode['entry'] | RoundEntry,
  scores: Pick<LeaderboardNode, 'rank' | 'total' | 'sheetCount'> | null,
  sheets: number,
  expected: number,
): BoardLine {
  const progression = 'vetoed' in entry ? entry : null;
  return {
    id: entry.id,
    order: entry.order,
    name: entry.cadre?.name ?? entry.unit?.name ?? entry.title,
    unit: entry.cadre ? (entry.unit?.name ?? null) : null,
    group: entry.group,
    rank: scores?.rank ?? null,
    total: scores?.total ?? null,
    sheets: scores?.sheetCount ?? sheets,
    // The panel less the judges excused from this entry (回避); an indicator round's indicators.
    expected,
    previousRank: progression?.previousRank ?? null,
    rankChange: progression?.rankChange ?? null,
    vetoed: progression?.vetoed ?? false,
  };
}

/**
 * What an entry's evidence is measured against, when the method says: the indicators of
 * an indicator round, the ratings a unit of a ratings round needs before it is ranked.
 */
function indicatorCount(round: Round): number | null {
  if (round.method.__typename === 'IndicatorsMethod') return round.method.indicatorSet.indicators.length;
  if (round.method.__typename === 'RatingsMethod') return round.method.minRatings;
  return null;
}

/**
 * Rows in leaderboard order when scores may be shown (a vetoed entry last), else in pitch
 * order without scores.
 */
function boardLines(round: Round, group: string, board: readonly LeaderboardNode[] | undefined, scoresShown: boolean): BoardLine[] {
  const indicators = indicatorCount(round);
  if (scoresShown) {
    const lines = (board ?? []).map((node) => lineOf(node.entry, node, node.sheetCount, indicators ?? node.entry.expectedSheetCount));
    // ON_REVEAL: the API lists only the entries revealed so far (亮分); the others follow in pitch order, without scores.
    const listed = new Set(lines.map((l) => l.id));
    const waiting =
      round.leaderboardVisibility === 'ON_REVEAL' && round.status === 'OPEN'
        ? round.entries
            .filter((e) => !listed.has(e.id) && (!group || e.group === group))
            .map((e) => lineOf(e, null, e.sheetCount, indicators ?? e.expectedSheetCount))
        : [];
    return [...lines.filter((l) => !l.vetoed), ...waiting, ...lines.filter((l) => l.vetoed)];
  }
  return round.entries.filter((e) => !group || e.group === group).map((e) => lineOf(e, null, e.sheetCount, indicators ?? e.expectedSheetCount));
}

/** Totals that changed since the previous answer, to flash those rows once. */
function useChanged(lines: readonly BoardLine[], resetKey: string): Set<string> {
  const previous = useRef(new Map<string, number | null>());
  const [changed, setChanged] = useState<Set<string>>(new Set());
  // Only a new set of totals matters, not a new array holding the same rows.
  const signature = lines.map((l) => `${l.id}:${l.total}`).join();
  useEffect(() => {
    previous.current = new Map();
  }, [resetKey]);
  useEffect(() => {
    const next = new Map(lines.map((l) => [l.id, l.total]));
    const moved = new Set<string>();
    if (previous.current.size > 0) for (const [id, total] of next) if (previous.current.has(id) && previous.current.get(id) !== total) moved.add(id);
    previous.current = next;
    setChanged((current) => (moved.size === 0 && current.size === 0 ? current : moved));
  }, [signature]);
  return changed;
}

/**
 * The hall's leaderboard at 1920×1080: every entry gets a row (rank with 并列 for ties, name,
 * unit, total to two decimals, ↑/↓ against the previous round when there is one and, while
 * judges score, sheets received), in type readable from the back of the hall. What does not
 * fit is paged, a page every ten seconds (`?page=8s` to change), so that every row is on
 * screen at some point of the cycle. An indicator round (实绩比拼) opens on its 红黑榜 for the
 * quarterly meeting (`?view=ranking` for the full ranking); its status line speaks of 考核.
 * A ratings round (群众评议) shows 满意率 in per cent with the ratings each unit has, and its
 * 红黑榜 on request (`?view=boards`).
 */
export function BigScreen({ roundId }: { roundId: string }) {
  const { t, lang, setLang, time } = useI18n();
  const { query } = useLocation();
  const group = query.get('group') ?? '';
  const intervalMs = pageInterval(query.get('page'));

  const roundQuery = useQuery(ScreenBoardRoundDocument, { id: roundId }, { pollMs: ROUND_POLL_MS });
  const round = roundQuery.data?.round ?? null;
  const indicators = round?.method.__typename === 'IndicatorsMethod' ? round.method : null;
  const ratings = round?.method.__typename === 'RatingsMethod' ? round.method : null;
  const status = round ? screenStatus(round.status, round.leaderboardVisibility, ratings ? 'PUBLIC_RATING' : indicators ? 'INDICATORS' : 'PANEL') : null;
  const pollMs = status?.live ? LIVE_POLL_MS : SETTLED_POLL_MS;
  const asked = query.get('view');
  // 红黑榜 first for an indicator round; the ranking first for a ratings round, its boards a tab away.
  const hasBoards = Boolean((indicators || ratings) && status?.scoresShown);
  const defaultView: View = indicators ? 'boards' : 'ranking';
  const view: View = hasBoards && (asked === 'boards' || asked === 'ranking' ? asked : defaultView) === 'boards' ? 'boards' : 'ranking';
  const board = useLeaderboardPages(roundId, group || null, { pollMs, skip: !status?.scoresShown || view !== 'ranking' });
  const boards = useQuery(ScreenBoardsDocument, { roundId }, { pollMs, skip: !status?.scoresShown || view !== 'boards' });
  // The 台上赛: who is on stage and the latest 亮分, every 500 ms while a judged round is open or just closed.
  const hallLive = Boolean(round && !indicators && !ratings && (round.status === 'OPEN' || round.status === 'CLOSED'));
  const live = useLivePoll(ScreenLiveStateDocument, { roundId }, { skip: !hallLive });
  const liveState = hallLive ? live.data?.liveState : undefined;
  // The pitch timer (and the times shown) run on the server's clock, learnt from every answer (this PC's may be minutes off).
  const clockOffset = useServerOffset(liveState?.serverTime, live.sentAt, live.updatedAt);
  const sequence = liveState?.sequence;
  const refetchBoard = useRef(board.refetch);
  refetchBoard.current = board.refetch;
  const refetchRound = useRef(roundQuery.refetch);
  refetchRound.current = roundQuery.refetch;
  // A sheet, a stage change or a reveal: read the board (and the sheets received) at once.
  useEffect(() => {
    if (sequence === undefined) return;
    void refetchBoard.current();
    void refetchRound.current();
  }, [sequence]);
  const reveal = useRevealPlayer(liveState?.reveal, hallLive && live.data !== undefined);
  const stage = round?.status === 'OPEN' ? (liveState?.stage ?? null) : null;
  const scoresShown = Boolean(status?.scoresShown && board.rows);
  // While scores may be shown but have not arrived, nothing rather than a flash of the pitch order.
  const lines = round && status && view === 'ranking' && (!status.scoresShown || board.rows) ? boardLines(round, group, board.rows, scoresShown) : [];
  const changed = useChanged(lines, `${roundId}:${group}`);
  const tied = tiedRanks(lines);
  // ↑/↓ only when there is a previous round to compare with.
  const showChange = scoresShown && lines.some((l) => l.previousRank !== null);

  const boardRef = useRef<HTMLDivElement>(null);
  const layout = useBoardLayout(boardRef);
  const sizes = pageSizes(lines.length, layout.columns * layout.rowsPerColumn);
  const [page, setPage] = useAutoPage(sizes.length, intervalMs, `${roundId}:${group}:${scoresShown}`);
  const start = sizes.slice(0, page).reduce((a, b) => a + b, 0);
  const shown = lines.slice(start, start + (sizes[page] ?? 0));
  const columns = Math.max(1, Math.min(layout.columns, Math.ceil(shown.length / layout.rowsPerColumn)));
  const rows = Math.max(1, Math.ceil(shown.length / columns));

  const groups = view === 'ranking' ? groupsOf(round?.entries ?? []) : [];
  const tabs = ['', ...groups];
  const scored = (round?.entries ?? []).filter((e) => e.sheetCount > 0).length;
  const viewError = view === 'boards' ? (boards.error && !boards.data ? boards.error : null) : board.error && !board.rows ? board.error : null;
  const fatal =
    roundQuery.error && !roundQuery.data ? roundQuery.error : status?.scoresShown && viewError && viewError.reason !== 'RESULTS_NOT_VISIBLE' ? viewError : null;
  const viewStale = view === 'boards' ? boards.error && boards.data : board.error && board.rows;
  const viewUpdatedAt = view === 'boards' ? boards.updatedAt : board.updatedAt;
  const stale = (roundQuery.error && roundQuery.data) || viewStale ? (viewUpdatedAt ?? roundQuery.updatedAt) : null;

  const setParam = (name: 'group' | 'view', value: string) => {
    const params = new URLSearchParams(query);
    if (value) params.set(name, value);
    else params.delete(name);
    const search = params.toString();
    navigate(`/screen/${encodeURIComponent(roundId)}${search ? `?${search}` : ''}`, { replace: true });
  };
  const chooseTab = (value: string) => setParam('group', value);
  const views: View[] = indicators ? ['boards', 'ranking'] : ['ranking', 'boards'];
  const chooseView = (value: View) => setParam('view', value === defaultView ? '' : value);
  const onViewKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = views[(views.indexOf(view) + step + views.length) % views.length]!;
    chooseView(next);
    requestAnimationFrame(() => document.getElementById(`view-tab-${next}`)?.focus());
  };
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(group);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    chooseTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${tabs.indexOf(next)}`)?.focus());
  };

  return (
    <div className="screen hall" data-testid="big-screen">
      <header className="screen-head hall-head">
        <div className="screen-titles">
          <p className="screen-competition">{round?.competition.name ?? ''}</p>
          <h1 className="screen-round">{round?.name ?? ''}</h1>
        </div>
        <div className="hall-meta">
          {status ? (
            <span className={`hall-status${status.live ? ' hall-status-live' : ''}`} data-testid="screen-status" data-live={status.live}>
              {status.live ? <span className="live-dot" aria-hidden="true" /> : null}
              {t(status.label)}
            </span>
          ) : null}
          {ratings && round ? (
            <span className="hall-scored">
              {t('ratings.screen.total', { n: round.entries.reduce((n, e) => n + e.sheetCount, 0), units: round.entries.length })}
            </span>
          ) : status?.progress ? (
            <span className="hall-scored">{t(indicators ? 'screen.ind.scored' : 'screen.scored', { scored, total: round?.entries.length ?? 0 })}</span>
          ) : null}
          {status?.live && viewUpdatedAt ? <span className="hall-time">{t('common.updatedAt', { time: time(viewUpdatedAt - clockOffset) })}</span> : null}
        </div>
        <div className="screen-tools">
          <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
            {t('screen.fullscreen')}
          </button>
          <button
            type="button"
            lang={lang === 'en' ? 'zh-CN' : 'en'}
            aria-label={t('nav.languageLabel')}
            onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
          >
            {t('nav.language')}
          </button>
          <Link to="/screen">{t('screen.exit')}</Link>
        </div>
      </header>

      {hasBoards ? (
        <div className="screen-tabs hall-views" role="tablist" aria-label={t('screen.views')} onKeyDown={onViewKey}>
          {views.map((value) => (
            <button
              key={value}
              id={`view-tab-${value}`}
              type="button"
              role="tab"
              aria-selected={value === view}
              aria-controls="screen-board"
              tabIndex={value === view ? 0 : -1}
              onClick={() => chooseView(value)}
            >
              {t(`screen.view.${value}`)}
            </button>
          ))}
        </div>
      ) : null}

      {groups.length > 0 ? (
        <div className="screen-tabs" role="tablist" aria-label={t('screen.groups')} onKeyDown={onTabKey}>
          {tabs.map((value, i) => (
            <button
              key={value || 'all'}
              id={`tab-${i}`}
              type="button"
              role="tab"
              aria-selected={value === group}
              aria-controls="screen-board"
              tabIndex={value === group ? 0 : -1}
              onClick={() => chooseTab(value)}
            >
              {value || t('screen.all')}
            </button>
          ))}
        </div>
      ) : null}

      {status?.hiddenUntil ? (
        <p className="hall-hidden" role="status" data-testid="scores-hidden">
          {t(status.hiddenUntil)}
        </p>
      ) : null}
      {stage ? <StageBand stage={stage} offset={clockOffset} /> : null}
      {stale ? (
        <p className="screen-stale" role="status">
          {t('screen.stale', { time: time(stale - clockOffset) })}
        </p>
      ) : null}

      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is tabpanel or region, both take a name; the rule cannot read a conditional role. */}
      <div
        id="screen-board"
        role={groups.length || hasBoards ? 'tabpanel' : 'region'}
        aria-label={groups.length ? undefined : view === 'boards' ? t('screen.view.boards') : t('screen.board')}
        className="hall-board"
        ref={boardRef}
        data-columns={layout.columns}
        data-rows={layout.rowsPerColumn}
      >
        {fatal ? (
          <p className="screen-message" role="alert">
            {describeError(t, fatal)}
          </p>
        ) : null}
        {view === 'boards' && boards.data && (indicators || ratings) ? (
          <HallBoards
            boards={boards.data.boards}
            sizes={indicators?.boards ?? { red: 10, black: 5, mostImproved: 5 }}
            intervalMs={intervalMs}
            percent={ratings !== null}
          />
        ) : null}
        {view === 'ranking' && round && lines.length === 0 && (!status?.scoresShown || board.rows) ? (
          <p className="screen-message">{t('screen.empty')}</p>
        ) : null}
        {shown.length > 0 ? (
          <ol
            className="hall-rows"
            aria-label={t('screen.pageOf', { page: page + 1, pages: sizes.length })}
            style={{
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${rows}, ${layout.rowPx}px)`,
              rowGap: ROW_GAP_PX,
              maxWidth: columns === 1 ? '70rem' : undefined,
            }}
          >
            {shown.map((line) => (
              <BoardRow
                key={line.id}
                line={line}
                scoresShown={scoresShown}
                progress={Boolean(status?.progress) || ratings !== null}
                progressKey={ratings ? 'ratings.screen.count' : indicators ? 'screen.ind.progress' : 'screen.progress'}
                percent={ratings !== null}
                showChange={showChange}
                tied={line.rank !== null && tied.has(line.rank)}
                flash={changed.has(line.id)}
                onStage={line.id === stage?.entry.id}
              />
            ))}
          </ol>
        ) : null}
      </div>

      {view === 'ranking' && ratings ? (
        // Why 100 % on 4 ratings may stand below 90 % on 10: the hall should read the rule, not guess it.
        <p className="hall-rule-note" data-testid="ratings-rule">
          {t(ratings.rankBy === 'WILSON' ? 'ratings.screen.ruleWilson' : 'ratings.screen.ruleRate', { n: ratings.minRatings })}
        </p>
      ) : null}
      {view === 'ranking' && sizes.length > 1 ? (
        <footer className="hall-pages">
          <button type="button" onClick={() => setPage((page - 1 + sizes.length) % sizes.length)} aria-label={t('screen.previousPage')}>
            ‹
          </button>
          <span className="hall-page" data-testid="page-indicator" aria-live="off">
            {t('screen.pageOf', { page: page + 1, pages: sizes.length })}
          </span>
          <span className="hall-dots" aria-hidden="true">
            {sizes.map((_, i) => (
              <span key={i} className={i === page ? 'hall-dot hall-dot-on' : 'hall-dot'} />
            ))}
          </span>
          <button type="button" onClick={() => setPage((page + 1) % sizes.length)} aria-label={t('screen.nextPage')}>
            ›
          </button>
        </footer>
      ) : null}
      {reveal ? <RevealShow reveal={reveal.reveal} phase={reveal.phase} shown={reveal.shown} /> : null}
    </div>
  );
}
