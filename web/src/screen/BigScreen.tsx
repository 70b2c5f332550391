import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeError } from '../api/errors';
import { useQuery } from '../api/hooks';
import { LeaderboardDocument, ScreenRoundDocument, type LeaderboardQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';

type Row = LeaderboardQuery['leaderboard']['edges'][number]['node'];

const POLL_MS = 2000;
/** Above this many rows the board switches to smaller type to keep every row on screen. */
const DENSE_FROM = 24;

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

/** The hall's live leaderboard: large type, group tabs, refreshed every two seconds. */
export function BigScreen({ roundId }: { roundId: string }) {
  const { t, lang, setLang, score, time } = useI18n();
  const { query } = useLocation();
  const group = query.get('group') ?? '';
  const round = useQuery(ScreenRoundDocument, { id: roundId }, { pollMs: 60_000 });
  const board = useQuery(LeaderboardDocument, { roundId, group: group || null }, { pollMs: POLL_MS });
  const groups = groupsOf(round.data?.round?.entries ?? []);
  const tabs = ['', ...groups];

  // Rows whose total changed since the previous answer flash once.
  const previous = useRef(new Map<string, number | null>());
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const rows = board.data?.leaderboard.edges.map((e) => e.node) ?? [];
  useEffect(() => {
    if (!board.data) return;
    const next = new Map(board.data.leaderboard.edges.map((e) => [e.node.entry.id, e.node.total]));
    const moved = new Set<string>();
    if (previous.current.size > 0) for (const [id, total] of next) if (previous.current.has(id) && previous.current.get(id) !== total) moved.add(id);
    previous.current = next;
    setChanged(moved);
  }, [board.data]);
  useEffect(() => {
    previous.current = new Map();
  }, [group]);

  const maxTotal = round.data?.round?.rubric.maxTotal ?? 100;
  const tied = tiedRanks(rows);
  // Entries with a total get a full row; those still waiting for their first sheet a compact list, in pitch order.
  const shown = rows.filter((r) => r.total !== null);
  const waiting = rows.filter((r) => r.total === null).sort((a, b) => a.entry.order - b.entry.order);
  // Read down each column, as a printed results list.
  const columns = shown.length <= 8 ? 1 : shown.length <= DENSE_FROM ? 2 : 3;
  const scored = rows.filter((r) => r.total !== null).length;
  const title = round.data?.round;
  const fatal = board.error && !board.data ? board.error : round.error && !round.data ? round.error : null;

  const chooseTab = (value: string) => navigate(`/screen/${encodeURIComponent(roundId)}${value ? `?group=${encodeURIComponent(value)}` : ''}`, { replace: true });
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
    <div className="screen" data-testid="big-screen">
      <header className="screen-head">
        <div className="screen-titles">
          <p className="screen-competition">{title?.competition.name ?? ''}</p>
          <h1 className="screen-round">{title?.name ?? ''}</h1>
        </div>
        <div className="screen-meta">
          <span className="screen-live" aria-hidden={board.error ? true : undefined}>
            <span className="live-dot" />
            {t('screen.live')}
          </span>
          <span>{t('screen.scored', { scored, total: board.data?.leaderboard.totalCount ?? 0 })}</span>
          {board.updatedAt ? <span className="screen-time">{time(board.updatedAt)}</span> : null}
        </div>
        <div className="screen-tools">
          <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
            {t('screen.fullscreen')}
          </button>
          <button type="button" lang={lang === 'en' ? 'zh-CN' : 'en'} aria-label={t('nav.languageLabel')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
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

      {board.error && board.data ? (
        <p className="screen-stale" role="status">
          {t('screen.stale', { time: board.updatedAt ? time(board.updatedAt) : '—' })}
        </p>
      ) : null}

      <div id="screen-board" role={groups.length ? 'tabpanel' : undefined} className="screen-board" aria-live="off">
        {fatal ? <p className="screen-message" role="alert">{describeError(t, fatal)}</p> : null}
        {board.data && rows.length === 0 ? <p className="screen-message">{t('screen.empty')}</p> : null}
        <ol
          className={shown.length > DENSE_FROM ? 'board board-dense' : 'board'}
          style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${Math.max(1, Math.ceil(shown.length / columns))}, auto)` }}
        >
          {shown.map((row) => (
            <BoardRow key={row.entry.id} row={row} maxTotal={maxTotal} tied={row.rank !== null && tied.has(row.rank)} flash={changed.has(row.entry.id)} score={score} t={t} />
          ))}
        </ol>
        {waiting.length > 0 ? (
          <div className="board-waiting">
            <h2>
              {t('screen.unranked')} · {waiting.length}
            </h2>
            <ul>
              {waiting.map((row) => (
                <li key={row.entry.id} data-entry={row.entry.id}>
                  <span className="board-waiting-order">{row.entry.order}</span>
                  {row.entry.cadre?.name ?? row.entry.unit?.name ?? row.entry.title}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function BoardRow({
  row,
  maxTotal,
  tied,
  flash,
  score,
  t,
}: {
  row: Row;
  maxTotal: number;
  tied: boolean;
  flash: boolean;
  score: (v: number | null) => string;
  t: ReturnType<typeof useI18n>['t'];
}) {
  const name = row.entry.cadre?.name ?? row.entry.unit?.name ?? row.entry.title;
  const unit = row.entry.cadre ? row.entry.unit?.name : null;
  const percent = row.total === null ? 0 : Math.max(0, Math.min(100, (row.total / maxTotal) * 100));
  const podium = row.rank !== null && row.rank <= 3 ? ` podium-${row.rank}` : '';
  return (
    <li
      className={`board-row${row.rank === null ? ' board-unranked' : ''}${podium}${flash ? ' board-flash' : ''}`}
      data-entry={row.entry.id}
      data-rank={row.rank ?? ''}
      data-total={row.total ?? ''}
    >
      <span className="board-rank">
        {row.rank ?? '—'}
        {tied ? <small className="board-tied">{t('screen.tied')}</small> : null}
      </span>
      <span className="board-who">
        <span className="board-name">{name}</span>
        <span className="board-unit">{[unit, row.entry.group].filter(Boolean).join(' · ')}</span>
      </span>
      <span className="board-bar" aria-hidden="true">
        <span className="board-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="board-total">{row.total === null ? t('screen.unranked') : score(row.total)}</span>
    </li>
  );
}
