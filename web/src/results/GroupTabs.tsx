import type { KeyboardEvent } from 'react';
import { useI18n } from '../i18n';

/** "全部" and one tab per group; arrow keys move between them (WAI-ARIA tabs). */
export function GroupTabs({ groups, value, onChange, controls }: { groups: string[]; value: string; onChange: (group: string) => void; controls: string }) {
  const { t } = useI18n();
  const tabs = ['', ...groups];
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(value) + step + tabs.length) % tabs.length]!;
    onChange(next);
    requestAnimationFrame(() => document.getElementById(`results-tab-${tabs.indexOf(next)}`)?.focus());
  };
  return (
    <div className="results-tabs no-print" role="tablist" aria-label={t('results.groups')} onKeyDown={onKey}>
      {tabs.map((group, i) => (
        <button
          key={group || 'all'}
          id={`results-tab-${i}`}
          type="button"
          role="tab"
          aria-selected={group === value}
          aria-controls={controls}
          tabIndex={group === value ? 0 : -1}
          onClick={() => onChange(group)}
        >
          {group || t('results.allGroups')}
        </button>
      ))}
    </div>
  );
}
