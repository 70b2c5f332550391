import { useRef, type KeyboardEvent } from 'react';

/** The tab a key moves to in a tab list (ARIA practice: arrows wrap, Home and End), or null for any other key. */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  const i = tabs.indexOf(current);
  if (key === 'ArrowRight') return tabs[(i + 1) % tabs.length] ?? null;
  if (key === 'ArrowLeft') return tabs[(i + tabs.length - 1) % tabs.length] ?? null;
  if (key === 'Home') return tabs[0] ?? null;
  if (key === 'End') return tabs[tabs.length - 1] ?? null;
  return null;
}

/**
 * A row of tabs: buttons `${idPrefix}-tab-<name>` controlling panels `${idPrefix}-panel-<name>`
 * (the caller renders those), the chosen one in the tab order, arrows, Home and End moving
 * the choice and the focus together.
 */
export function TabList<T extends string>({
  tabs,
  current,
  onSelect,
  label,
  ariaLabel,
  idPrefix,
}: {
  tabs: readonly T[];
  current: T;
  onSelect: (tab: T) => void;
  label: (tab: T) => string;
  ariaLabel: string;
  idPrefix: string;
}) {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = tabAfterKey(tabs, current, event.key);
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="tab-list" role="tablist" aria-label={ariaLabel}>
      {tabs.map((name) => (
        <button
          key={name}
          ref={(el) => {
            refs.current[name] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${name}`}
          aria-selected={current === name}
          aria-controls={`${idPrefix}-panel-${name}`}
          tabIndex={current === name ? 0 : -1}
          className="tab"
          onClick={() => onSelect(name)}
          onKeyDown={onKeyDown}
        >
          {label(name)}
        </button>
      ))}
    </div>
  );
}
