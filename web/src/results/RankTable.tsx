import type { KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { entryName, sharedRanks, standingOf, twoDecimals } from './format';
import { changeOf, hasPrevious, RankChange } from './RankChange';
import type { LeaderboardRow } from './useLeaderboard';
import { TableWrap } from './TableWrap';

/** "2（并列）" for a shared rank, "—" for none. */
export function useRankText() {
  const { t } = useI18n();
  return (rank: number | null, tied: boolean) => (rank === null ? '—' : tied ? t('results.rankTied', { rank }) : String(rank));
}

/** The standing of a row in words: counted, or why it has no rank. */
export function StandingNote({ row }: { row: { rank: number | null; total: number | null } }) {
  const { t } = useI18n();
  const standing = standingOf(row);
  if (standing === 'RANKED') return null;
  return <span className={standing === 'BELOW_QUORUM' ? 'tag tag-warn' : 'tag'}>{t(`results.standing.${standing}`)}</span>;
}

/** The ranked table of the results page; each row opens its protocol beside it. */
export function RankTable({ rows, selected, onSelect }: { rows: LeaderboardRow[]; selected: string | null; onSelect: (entryId: string) => void }) {
  const { t } = useI18n();
  const rankText = useRankText();
  const tied = sharedRanks(rows);
  // 名次变化 against the previous finished round, only when there is one to compare with.
  const showChange = hasPrevious(rows);
  const onKey = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    // Up and down move the open protocol through the list, as in a spreadsheet.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const index = rows.findIndex((r) => r.entry.id === selected);
    const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    event.preventDefault();
    onSelect(next.entry.id);
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-open-protocol="${CSS.escape(next.entry.id)}"]`)?.focus());
  };
  return (
    <TableWrap label={t('results.board')}>
      <table className="table rank-table" data-testid="rank-table">
        <caption className="visually-hidden">{t('results.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('results.table.rank')}
            </th>
            <th scope="col">{t('results.table.name')}</th>
            <th scope="col">{t('results.table.unit')}</th>
            <th scope="col">{t('results.table.group')}</th>
            <th scope="col" className="num">
              {t('results.table.total')}
            </th>
            <th scope="col" className="num">
              {t('results.table.sheets')}
            </th>
            {showChange ? (
              <th scope="col" className="num">
                {t('results.change.column')}
              </th>
            ) : null}
            <th scope="col">{t('results.table.protocol')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKey}>
          {rows.map((row) => {
            const name = entryName(row.entry);
            const isTied = row.rank !== null && tied.has(row.rank);
            const active = row.entry.id === selected;
            return (
              <tr
                key={row.entry.id}
                className={active ? 'row-selected' : undefined}
                data-entry={row.entry.id}
                data-rank={row.rank ?? ''}
                data-tied={isTied ? 'true' : 'false'}
                data-standing={standingOf(row)}
              >
                <td className="num rank-cell">{rankText(row.rank, isTied)}</td>
                <th scope="row" title={row.entry.title}>
                  {name}
                </th>
                <td>{row.entry.cadre ? (row.entry.unit?.name ?? '') : ''}</td>
                <td>{row.entry.group ?? ''}</td>
                <td className="num">
                  {twoDecimals(row.total)}
                  <StandingNote row={row} />
                </td>
                <td className="num">{t('results.table.sheetsOf', { n: row.sheetCount, expected: row.entry.expectedSheetCount })}</td>
                {showChange ? (
                  <td className="num" data-col="change">
                    <RankChange change={changeOf({ rank: row.rank, previousRank: row.entry.previousRank, rankChange: row.entry.rankChange })} />
                  </td>
                ) : null}
                <td>
                  <button
                    type="button"
                    className="button-small"
                    aria-pressed={active}
                    data-open-protocol={row.entry.id}
                    aria-label={t('results.table.openProtocol', { name })}
                    onClick={() => onSelect(row.entry.id)}
                  >
                    {t('results.table.open')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
