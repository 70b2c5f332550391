import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeError } from '../api/errors';
import { useQuery } from '../api/hooks';
import { ScreenBoardDocument, ScreenBoardRoundDocument, type ScreenBoardQuery, type ScreenBoardRoundQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { BoardRow, type BoardLine } from './BoardRow';
import { pageInterval, pageSizes, ROW_GAP_PX, useAutoPage, useBoardLayout } from './paging';
import { screenStatus } from './status';
import './screen.css';

type Round = NonNullable<ScreenBoardRoundQuery['round']>;
type LeaderboardNode = ScreenBoardQuery['leaderboard']['edges'][number]['node'];

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

function lineOf(entry: LeaderboardNode['entry'], scores: Pick<LeaderboardNode, 'rank' | 'total' | 'sheetCount'> | null, sheets: number): BoardLine {
  return {
    id: entry.id,
    order: entry.order,
    name: entry.cadre?.name ?? entry.unit?.name ?? entry.title,
    unit: entry.cadre ? (entry.unit?.name ?? null) : null,
    group: entry.group,
    rank: scores?.rank ?? null,
    total: scores?.total ?? null,
    sheets: scores?.sheetCount ?? sheets,
    // The panel less the judges excused from this entry (回避).
    expected: entry.expectedSheetCount,
  };
}

/** Rows in leaderboard order when scores may be shown, else in pitch order without scores. */
function boardLines(round: Round, group: string, board: ScreenBoardQuery | undefined, scoresShown: boolean): BoardLine[] {
  if (scoresShown) return (board?.leaderboard.edges ?? []).map(({ node }) => lineOf(node.entry, node, node.sheetCount));
  return round.entries.filter((e) => !group || e.group === group).map((e) => lineOf(e, null, e.sheetCount));
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
 * unit, total to two decimals and, while judges score, sheets received), in type readable from
 * the back of the hall. What does not fit is paged, a page every ten seconds (`?page=8s` to
 * change), so that every row is on screen at some point of the cycle.
 */
export function BigScreen({ roundId }: { roundId: string }) {
  const { t, lang, setLang, time } = useI18n();
  const { query } = useLocation();
  const group = query.get('group') ?? '';
  const intervalMs = pageInterval(query.get('page'));

  const roundQuery = useQuery(ScreenBoardRoundDocument, { id: roundId }, { pollMs: ROUND_POLL_MS });
  const round = roundQuery.data?.round ?? null;
  const status = round ? screenStatus(round.status, round.leaderboardVisibility) : null;
  const board = useQuery(
    ScreenBoardDocument,
    { roundId, group: group || null },
    { pollMs: status?.live ? LIVE_POLL_MS : SETTLED_POLL_MS, skip: !status?.scoresShown },
  );
  const scoresShown = Boolean(status?.scoresShown && board.data);
  const lines = round && status ? boardLines(round, group, board.data, scoresShown) : [];
  const changed = useChanged(lines, `${roundId}:${group}`);
  const tied = tiedRanks(lines);

  const boardRef = useRef<HTMLDivElement>(null);
  const layout = useBoardLayout(boardRef);
  const sizes = pageSizes(lines.length, layout.columns * layout.rowsPerColumn);
  const [page, setPage] = useAutoPage(sizes.length, intervalMs, `${roundId}:${group}:${scoresShown}`);
  const start = sizes.slice(0, page).reduce((a, b) => a + b, 0);
  const shown = lines.slice(start, start + (sizes[page] ?? 0));
  const columns = Math.max(1, Math.min(layout.columns, Math.ceil(shown.length / layout.rowsPerColumn)));
  const rows = Math.max(1, Math.ceil(shown.length / columns));

  const groups = groupsOf(round?.entries ?? []);
  const tabs = ['', ...groups];
  const scored = (round?.entries ?? []).filter((e) => e.sheetCount > 0).length;
  const fatal =
    roundQuery.error && !roundQuery.data
      ? roundQuery.error
      : status?.scoresShown && board.error && !board.data && board.error.reason !== 'RESULTS_NOT_VISIBLE'
        ? board.error
        : null;
  const stale = (roundQuery.error && roundQuery.data) || (board.error && board.data) ? (board.updatedAt ?? roundQuery.updatedAt) : null;

  const chooseTab = (value: string) => {
    const params = new URLSearchParams(query);
    if (value) params.set('group', value);
    else params.delete('group');
    const search = params.toString();
    navigate(`/screen/${encodeURIComponent(roundId)}${search ? `?${search}` : ''}`, { replace: true });
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
          {status?.progress ? <span className="hall-scored">{t('screen.scored', { scored, total: round?.entries.length ?? 0 })}</span> : null}
          {status?.live && board.updatedAt ? <span className="hall-time">{t('common.updatedAt', { time: time(board.updatedAt) })}</span> : null}
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
      {stale ? (
        <p className="screen-stale" role="status">
          {t('screen.stale', { time: time(stale) })}
        </p>
      ) : null}

      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is tabpanel or region, both take a name; the rule cannot read a conditional role. */}
      <div
        id="screen-board"
        role={groups.length ? 'tabpanel' : 'region'}
        aria-label={groups.length ? undefined : t('screen.board')}
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
        {round && lines.length === 0 && (!status?.scoresShown || board.data) ? <p className="screen-message">{t('screen.empty')}</p> : null}
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
                progress={Boolean(status?.progress)}
                tied={line.rank !== null && tied.has(line.rank)}
                flash={changed.has(line.id)}
              />
            ))}
          </ol>
        ) : null}
      </div>

      {sizes.length > 1 ? (
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
    </div>
  );
}
