import { Fragment } from 'react';
import { useQuery } from '../api/hooks';
import { ResultsVetoReasonDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { entryName, sharedRanks } from './format';
import { figure, two } from './indicatorFormat';
import { IndicatorProtocol, type ProtocolSet } from './IndicatorProtocol';
import { changeOf, hasPrevious, RankChange } from './RankChange';
import { useRankText } from './RankTable';
import { TableWrap } from './TableWrap';
import type { Breakdown } from './useBreakdown';
import type { LeaderboardRow } from './useLeaderboard';

/** Vetoed entries go last, whatever else is unranked; the API's order is kept otherwise. */
export function vetoedLast<T extends { entry: { vetoed: boolean } }>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => !r.entry.vetoed), ...rows.filter((r) => r.entry.vetoed)];
}

/**
 * Why an entry was vetoed: its approved 一票否决's reason, asked for per vetoed entry (a round
 * has few). `labelled` says 一票否决 too (a printout's remark; on screen a tag says it already).
 */
export function VetoReason({ entryId, labelled = false }: { entryId: string; labelled?: boolean }) {
  const { t } = useI18n();
  const { data } = useQuery(ResultsVetoReasonDocument, { entryId });
  const reasons = (data?.indicatorAssessment.adjustments ?? []).filter((a) => a.kind === 'VETO' && a.status === 'APPROVED').map((a) => a.reason);
  if (!reasons.length) return labelled ? <span className="veto-reason">{t('results.ind.veto')}</span> : null;
  const reason = reasons.join(t('results.ind.reasonSeparator'));
  return (
    <span className="veto-reason" data-testid="veto-reason">
      {labelled ? t('results.ind.vetoReason', { reason }) : t('results.ind.vetoBecause', { reason })}
    </span>
  );
}

/** Why a row has no rank, in an indicator round: 一票否决, or no verified data yet. */
export function indicatorStanding(row: { rank: number | null; total: number | null; entry: { vetoed: boolean } }): 'RANKED' | 'VETOED' | 'NO_DATA' {
  if (row.entry.vetoed) return 'VETOED';
  if (row.rank !== null) return 'RANKED';
  return 'NO_DATA';
}

interface Props {
  rows: LeaderboardRow[];
  breakdown: ReadonlyMap<string, Breakdown> | undefined;
  set: ProtocolSet;
  indicatorCount: number;
  showGroups: boolean;
  open: string | null;
  onToggle: (entryId: string) => void;
}

/**
 * An indicator round's ranked table: per unit its rank, each section's score, 加分, 扣分,
 * 总分 and 名次变化; vetoed units last with 一票否决 and the reason. A row opens its
 * 考核明细 beneath it (one indicatorAssessment request for that unit only).
 */
export function IndicatorTable({ rows, breakdown, set, indicatorCount, showGroups, open, onToggle }: Props) {
  const { t, lang } = useI18n();
  const rankText = useRankText();
  const ordered = vetoedLast(rows);
  const tied = sharedRanks(ordered);
  const showChange = hasPrevious(ordered);
  const cadres = ordered.some((r) => r.entry.cadre);
  const columns = 1 + 1 + (showGroups ? 1 : 0) + set.sections.length + 3 + (showChange ? 1 : 0) + 1;
  return (
    <TableWrap label={t('results.board')}>
      <table className="table rank-table ind-table" data-testid="rank-table">
        <caption className="visually-hidden">{t('results.ind.caption', { sections: set.sections.map((s) => s.label).join(t('results.rule.list')) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('results.table.rank')}
            </th>
            <th scope="col">{cadres ? t('results.table.name') : t('results.table.unit')}</th>
            {showGroups ? <th scope="col">{t('results.table.group')}</th> : null}
            {set.sections.map((s) => (
              <th scope="col" className="num" key={s.key} data-section={s.key}>
                {s.label}
                <span className="protocol-max">{t('results.protocol.max', { max: figure(lang, s.fullMark) })}</span>
              </th>
            ))}
            <th scope="col" className="num">
              {t('results.ind.bonus')}
            </th>
            <th scope="col" className="num">
              {t('results.ind.penalty')}
            </th>
            <th scope="col" className="num">
              {t('results.table.total')}
              <span className="protocol-max">{t('results.protocol.max', { max: figure(lang, set.fullMark) })}</span>
            </th>
            {showChange ? (
              <th scope="col" className="num">
                {t('results.change.column')}
              </th>
            ) : null}
            <th scope="col">{t('results.ind.details')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((row) => {
            const name = entryName(row.entry);
            const standing = indicatorStanding(row);
            const isTied = row.rank !== null && tied.has(row.rank);
            // A unit without verified data has no scores to break down (the export says 0).
            const parts = row.total === null ? undefined : breakdown?.get(row.entry.id);
            const expanded = open === row.entry.id;
            const detailsId = `ind-details-${row.entry.id}`;
            return (
              <Fragment key={row.entry.id}>
                <tr
                  className={`${expanded ? 'row-selected' : ''}${standing === 'VETOED' ? ' row-vetoed' : ''}`.trim() || undefined}
                  data-entry={row.entry.id}
                  data-rank={row.rank ?? ''}
                  data-tied={isTied ? 'true' : 'false'}
                  data-standing={standing}
                >
                  <td className="num rank-cell">{rankText(row.rank, isTied)}</td>
                  <th scope="row" className="ind-who">
                    <span className="ind-name">{name}</span>
                    {row.entry.cadre && row.entry.unit ? <span className="muted small ind-unit">{row.entry.unit.name}</span> : null}
                    {standing === 'VETOED' ? (
                      <>
                        <span className="tag tag-veto">{t('results.ind.veto')}</span>
                        <VetoReason entryId={row.entry.id} />
                      </>
                    ) : null}
                    {standing === 'NO_DATA' ? <span className="tag">{t('results.ind.noData')}</span> : null}
                    {standing === 'RANKED' && row.sheetCount < indicatorCount ? (
                      <span className="tag tag-warn">{t('results.ind.partial', { n: row.sheetCount, total: indicatorCount })}</span>
                    ) : null}
                  </th>
                  {showGroups ? <td>{row.entry.group ?? ''}</td> : null}
                  {set.sections.map((s) => (
                    <td className="num" key={s.key} data-section={s.key}>
                      {two(parts?.sections[s.key])}
                    </td>
                  ))}
                  <td className="num" data-col="bonus">
                    {parts?.bonus ? `+${two(parts.bonus)}` : two(parts?.bonus)}
                  </td>
                  <td className="num" data-col="penalty">
                    {parts?.penalty ? `−${two(parts.penalty)}` : two(parts?.penalty)}
                  </td>
                  <td className="num ind-total" data-col="total">
                    <strong>{two(row.total)}</strong>
                  </td>
                  {showChange ? (
                    <td className="num" data-col="change">
                      <RankChange change={changeOf({ rank: row.rank, previousRank: row.entry.previousRank, rankChange: row.entry.rankChange })} />
                    </td>
                  ) : null}
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      data-open-protocol={row.entry.id}
                      aria-label={t(expanded ? 'results.ind.closeDetailsOf' : 'results.ind.openDetailsOf', { name })}
                      onClick={() => onToggle(row.entry.id)}
                    >
                      {t(expanded ? 'results.ind.closeDetails' : 'results.ind.openDetails')}
                    </button>
                  </td>
                </tr>
                {expanded ? (
                  <tr className="ind-details-row" id={detailsId}>
                    <td colSpan={columns}>
                      <IndicatorProtocol entryId={row.entry.id} name={name} set={set} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
