import { useQuery } from '../../api/hooks';
import { RoundRejectedSheetsDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import type { ConsoleRound, RubricCriterion } from './types';

const shanghaiTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** Changes to what counts made after the round closed: shown, not buried, so nobody publishes them unseen. */
export function Amendments({ amendments, count }: { amendments: ConsoleRound['amendments']; count: number }) {
  const { t } = useI18n();
  const total = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));
  return (
    <div className="notice notice-warning" role="status" data-testid="amendments">
      <h3>{t('org.amended.title', { count })}</h3>
      <p className="small">{t('org.amended.intro')}</p>
      <ul>
        {amendments.map((a) => (
          <li key={`${a.at}-${a.entry.order}-${a.judgeLabel}`}>
            {t('org.amended.row', {
              order: a.entry.order,
              title: a.entry.title,
              action: t(`org.amended.${a.action}`),
              judge: a.judge,
              label: a.judgeLabel,
              actor: a.actorId,
              reason: a.reason,
              before: total(a.totalBefore),
              after: total(a.totalAfter),
              time: shanghaiTime(a.at),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Sheets judges sent after the round had closed (e.g. from a phone that was offline):
 * refused and not counted, but listed with their marks so the organizer can follow up.
 */
export function RejectedSheets({ roundId, criteria, live }: { roundId: string; criteria: RubricCriterion[]; live: boolean }) {
  const { t } = useI18n();
  const { data } = useQuery(RoundRejectedSheetsDocument, { id: roundId }, { pollMs: live ? 15_000 : undefined });
  const round = data?.round;
  if (!round || round.rejectedSheetCount === 0) return null;
  const labelOf = (key: string) => criteria.find((c) => c.key === key)?.label ?? key;
  return (
    <div className="notice notice-warning" role="status" data-testid="rejected-sheets">
      <h3>{t('round.rejected.title', { count: round.rejectedSheetCount })}</h3>
      <p className="small">{t('round.rejected.intro')}</p>
      <ul>
        {round.rejectedSheets.map((s) => (
          <li key={s.id}>
            {t('round.rejected.row', {
              order: s.entry.order,
              name: s.entry.cadre?.name ?? s.entry.title,
              judge: s.judge,
              label: s.judgeLabel,
              marks: s.scores.map((m) => `${labelOf(m.criterion)} ${m.score}`).join('，'),
              time: shanghaiTime(s.at),
            })}
            {s.enteredAt ? t('round.rejected.entered', { time: shanghaiTime(s.enteredAt) }) : ''}
            {s.comment ? t('round.rejected.comment', { comment: s.comment }) : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
