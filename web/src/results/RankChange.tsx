import { useI18n, type Translate } from '../i18n';

/** How an entry moved since the previous finished round (争先进位). */
export type Change = { kind: 'up' | 'down'; n: number } | { kind: 'same' } | { kind: 'new' } | { kind: 'none' };

/**
 * From the API's `previousRank` and `rankChange` (previous − current: positive = climbed):
 * up, down or level; 新进 when ranked now but not in the previous round; nothing to say
 * when the entry has no rank now (vetoed, no data).
 */
export function changeOf(row: { rank: number | null; previousRank: number | null; rankChange: number | null }): Change {
  if (row.rankChange !== null) {
    if (row.rankChange > 0) return { kind: 'up', n: row.rankChange };
    if (row.rankChange < 0) return { kind: 'down', n: -row.rankChange };
    return { kind: 'same' };
  }
  if (row.rank !== null && row.previousRank === null) return { kind: 'new' };
  return { kind: 'none' };
}

/** The change in words, as a screen reader says it: 上升 3 位 / 下降 2 位 / 持平 / 新进. */
export function changeInWords(t: Translate, change: Change): string {
  switch (change.kind) {
    case 'up':
      return t('results.change.upSr', { n: change.n });
    case 'down':
      return t('results.change.downSr', { n: change.n });
    case 'same':
      return t('results.change.same');
    case 'new':
      return t('results.change.new');
    case 'none':
      return t('results.change.noneSr');
  }
}

/** Whether any row has a previous round to compare with: the 名次变化 column is shown only then. */
export function hasPrevious(rows: readonly { entry: { previousRank: number | null } }[]): boolean {
  return rows.some((r) => r.entry.previousRank !== null);
}

/**
 * ↑3 / ↓2 / 持平 / 新进: an arrow and a number for the eye (the app's ok and error colours,
 * never colour alone) and the same in words for screen readers.
 */
export function RankChange({ change }: { change: Change }) {
  const { t } = useI18n();
  const words = changeInWords(t, change);
  const shown = change.kind === 'up' ? `↑${change.n}` : change.kind === 'down' ? `↓${change.n}` : change.kind === 'none' ? '—' : words;
  return (
    <span className={`rank-change rank-change-${change.kind}`} data-change={change.kind} data-n={'n' in change ? change.n : undefined} title={words}>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
