import { useLayoutEffect, useRef, useState } from 'react';
import type { ScreenBoardsQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { HallChange } from './BoardRow';
import { pageSizes, useAutoPage } from './paging';

type Row = ScreenBoardsQuery['boards']['red'][number];
type Kind = 'red' | 'black' | 'mostImproved';

/** Board rows never get shorter than this (names stay ≥ 28 px) nor taller than that. */
const MIN_ROW_PX = 62;
const MAX_ROW_PX = 96;
const GAP_PX = 6;

/** How many rows of a list fit its box, and how tall each may be. */
function useListFit(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const capacity = Math.max(1, Math.floor((height + GAP_PX) / (MIN_ROW_PX + GAP_PX)));
  const perPage = Math.min(count, capacity);
  const rowPx = perPage > 0 ? Math.max(MIN_ROW_PX, Math.min(MAX_ROW_PX, Math.floor((height - GAP_PX * (perPage - 1)) / perPage))) : MIN_ROW_PX;
  return { ref, capacity, rowPx, measured: height > 0 };
}

/**
 * 红黑榜 for the quarterly meeting, at 1920×1080: 红榜 (widest, largest type), 黑榜 (vetoed
 * first, with 一票否决) and 进步最快, side by side, each the full height of the board. A list
 * that cannot fit (a tie at a cut-off making it long) pages on its own, so every row is on
 * screen in turn. ↑/↓ appear only when there is a previous round to compare with.
 */
export function HallBoards({
  boards,
  sizes,
  intervalMs,
  percent = false,
}: {
  boards: ScreenBoardsQuery['boards'];
  sizes: Record<Kind, number>;
  intervalMs: number;
  /** Totals are 满意率 in per cent (a ratings round). */
  percent?: boolean;
}) {
  const compare = [...boards.red, ...boards.black, ...boards.mostImproved].some((r) => r.previousRank !== null);
  return (
    <div className="hall-boards" data-testid="hall-boards">
      <HallBoardList kind="red" rows={boards.red} size={sizes.red} intervalMs={intervalMs} compare={compare} percent={percent} />
      <HallBoardList kind="black" rows={boards.black} size={sizes.black} intervalMs={intervalMs} compare={compare} percent={percent} />
      <HallBoardList kind="mostImproved" rows={boards.mostImproved} size={sizes.mostImproved} intervalMs={intervalMs} compare={compare} percent={percent} />
    </div>
  );
}

function HallBoardList({
  kind,
  rows,
  size,
  intervalMs,
  compare,
  percent,
}: {
  kind: Kind;
  rows: Row[];
  size: number;
  intervalMs: number;
  compare: boolean;
  percent: boolean;
}) {
  const { t, score } = useI18n();
  const fit = useListFit(rows.length);
  const pages = pageSizes(rows.length, fit.capacity);
  const [page] = useAutoPage(pages.length, intervalMs, `${kind}:${rows.length}:${fit.capacity}`);
  const start = pages.slice(0, page).reduce((a, b) => a + b, 0);
  const shown = rows.slice(start, start + (pages[page] ?? 0));
  const titleId = `hall-board-${kind}`;
  return (
    <section className={`hall-board-panel hall-board-${kind}`} aria-labelledby={titleId} data-board={kind}>
      <h2 id={titleId} className="hall-board-title">
        <span className="hall-board-name">{t(`screen.boards.${kind}`)}</span>
        <span className="hall-board-size">{t(`screen.boards.${kind}Size`, { n: size })}</span>
        {pages.length > 1 ? <span className="hall-board-page">{t('screen.pageOf', { page: page + 1, pages: pages.length })}</span> : null}
      </h2>
      <div className="hall-board-box" ref={fit.ref}>
        {rows.length === 0 ? <p className="hall-board-empty">{t(`screen.boards.${kind}Empty`)}</p> : null}
        {fit.measured && shown.length > 0 ? (
          <ol className="hall-board-rows" style={{ gridTemplateRows: `repeat(${shown.length}, ${fit.rowPx}px)`, rowGap: GAP_PX }}>
            {shown.map((row) => {
              const name = row.entry.cadre?.name ?? row.entry.unit?.name ?? row.entry.title;
              const unit = row.entry.cadre ? (row.entry.unit?.name ?? null) : null;
              return (
                <li
                  key={row.entry.id}
                  className={`hall-board-row${row.vetoed ? ' hall-board-row-veto' : ''}`}
                  data-entry={row.entry.id}
                  data-rank={row.rank ?? ''}
                  data-vetoed={row.vetoed ? 'true' : 'false'}
                >
                  <span className="hall-board-rank">
                    {row.rank === null ? (
                      <span aria-hidden="true">—</span>
                    ) : (
                      <>
                        <span className="visually-hidden">{t('screen.rankOf', { n: row.rank })}</span>
                        <span aria-hidden="true">{row.rank}</span>
                      </>
                    )}
                  </span>
                  <span className="hall-who">
                    <span className="hall-name hall-board-entry">{name}</span>
                    {unit ? <span className="hall-unit">{unit}</span> : null}
                    {kind === 'mostImproved' && row.previousRank !== null ? (
                      <span className="hall-unit">{t('screen.boards.was', { n: row.previousRank })}</span>
                    ) : null}
                  </span>
                  {compare || row.vetoed ? <HallChange line={row} /> : <span />}
                  <span className="hall-board-total">
                    {row.total === null ? '—' : score(row.total)}
                    {percent && row.total !== null ? <span className="hall-total-unit">%</span> : null}
                  </span>
                </li>
              );
            })}
          </ol>
        ) : null}
      </div>
    </section>
  );
}
