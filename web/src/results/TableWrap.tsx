import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways (long English labels, many criteria): the scrolling box
 * is a named, focusable region so keyboard users can scroll it too.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
