import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

export const DEFAULT_PAGE_MS = 10_000;

/**
 * The paging interval from the address, e.g. `?page=8s`, `?page=2500ms` or `?page=12`
 * (seconds); the default when absent or unreadable. At least one second, so that a
 * mistyped value cannot make the board flicker.
 */
export function pageInterval(value: string | null): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(value?.trim() ?? '');
  if (!match) return DEFAULT_PAGE_MS;
  const ms = match[2] === 'ms' ? Number(match[1]) : Number(match[1]) * 1000;
  return Number.isFinite(ms) ? Math.max(1000, ms) : DEFAULT_PAGE_MS;
}

/** Reading from the back of a hall: rows and type scale with the screen's height, never below these. */
export const MIN_ROW_PX = 64;
const ROW_SHARE_OF_HEIGHT = 0.064;
/** A column narrower than this would cut names and units short. */
const MIN_COLUMN_PX = 720;
export const ROW_GAP_PX = 4;

export interface Layout {
  columns: number;
  rowsPerColumn: number;
  rowPx: number;
}

/** How many columns and rows fit in a board of this size. */
export function layoutFor(width: number, height: number, viewportHeight: number): Layout {
  const rowPx = Math.max(MIN_ROW_PX, Math.round(viewportHeight * ROW_SHARE_OF_HEIGHT));
  const columns = Math.max(1, Math.min(3, Math.floor(width / MIN_COLUMN_PX)));
  const rowsPerColumn = Math.max(1, Math.floor((height + ROW_GAP_PX) / (rowPx + ROW_GAP_PX)));
  return { columns, rowsPerColumn, rowPx };
}

/** The board's layout, kept up to date as the window (or the projector's resolution) changes. */
export function useBoardLayout(board: RefObject<HTMLElement | null>): Layout {
  const [layout, setLayout] = useState<Layout>(() => layoutFor(window.innerWidth, window.innerHeight * 0.7, window.innerHeight));
  useLayoutEffect(() => {
    const element = board.current;
    if (!element) return;
    const measure = () => {
      const next = layoutFor(element.clientWidth, element.clientHeight, window.innerHeight);
      setLayout((current) =>
        current.columns === next.columns && current.rowsPerColumn === next.rowsPerColumn && current.rowPx === next.rowPx ? current : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [board]);
  return layout;
}

/**
 * Splits `count` rows into pages of at most `capacity`, as evenly as possible (63 rows at 22 a
 * page are 21 + 21 + 21, not 22 + 22 + 19), so that every page looks alike.
 */
export function pageSizes(count: number, capacity: number): number[] {
  if (count <= 0) return [0];
  const pages = Math.ceil(count / Math.max(1, capacity));
  const base = Math.floor(count / pages);
  const extra = count % pages;
  return Array.from({ length: pages }, (_, i) => base + (i < extra ? 1 : 0));
}

/** The current page, advancing on its own every `intervalMs` and starting over after the last. */
export function useAutoPage(pages: number, intervalMs: number, resetKey: string): [number, (page: number) => void] {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [resetKey]);
  useEffect(() => {
    if (pages <= 1) return;
    // Re-armed on every page change, so a page turned by hand also gets its full time.
    const timer = setTimeout(() => setPage((p) => (p + 1) % pages), intervalMs);
    return () => clearTimeout(timer);
  }, [pages, intervalMs, page]);
  return [Math.min(page, Math.max(0, pages - 1)), setPage];
}
