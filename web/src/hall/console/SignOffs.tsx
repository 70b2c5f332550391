import { useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note, ProgressBar } from '../../components/ui';
import { ConsoleHallSignOffsDocument, type ConsoleHallSignOffsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { beijingDateTime } from '../../results/format';

type SignRound = NonNullable<ConsoleHallSignOffsQuery['round']>;
export type SignState = 'SIGNED' | 'VOID' | 'UNSIGNED';

export interface SignRow {
  userId: string;
  label: string;
  name: string;
  unit: string | null;
  classLabel: string | null;
  /** A judge joined by QR code (its seat), not an account. */
  seated: boolean;
  seatRevoked: boolean;
  state: SignState;
  at: string | null;
}

const SEAT_PREFIX = 'seat-';
const byLabel = (a: { label: string }, b: { label: string }) =>
  Number(a.label.replace(/\D/g, '')) - Number(b.label.replace(/\D/g, '')) || a.label.localeCompare(b.label);

/** Every judge of the round (seated and with an account) with their sign-off: 已签字, 签字已失效 or 未签字. */
export function signOffRows(round: SignRound): SignRow[] {
  const classes = round.method.__typename === 'PanelMethod' ? round.method.classes : [];
  const seats = new Map(round.seats.map((s) => [`${SEAT_PREFIX}${s.id}`, s]));
  const signOffs = new Map(round.signOffs.map((s) => [s.judge.userId, s]));
  return round.judges
    .map((judge) => {
      const signOff = signOffs.get(judge.userId);
      const seat = seats.get(judge.userId);
      return {
        userId: judge.userId,
        label: judge.label,
        name: judge.name,
        unit: judge.unit?.name ?? null,
        classLabel: judge.classKey ? (classes.find((c) => c.key === judge.classKey)?.label ?? judge.classKey) : null,
        seated: !!seat || judge.userId.startsWith(SEAT_PREFIX),
        seatRevoked: seat?.status === 'REVOKED',
        state: (signOff ? (signOff.valid ? 'SIGNED' : 'VOID') : 'UNSIGNED') as SignState,
        at: signOff?.at ?? null,
      };
    })
    .sort(byLabel);
}

export function useSignOffs(roundId: string, pollMs?: number) {
  const query = useQuery(ConsoleHallSignOffsDocument, { id: roundId }, { pollMs });
  const round = query.data?.round ?? null;
  return { query, round, rows: round ? signOffRows(round) : [] };
}

/** "J4 王五、J5 赵六" */
export function judgesInWords(rows: readonly SignRow[]): string {
  return rows.map((r) => `${r.label} ${r.name}`).join('、');
}

/** 评委签字: who has confirmed their sheets, whose confirmation a later change voided, who has not. */
export function SignOffPanel({ roundId }: { roundId: string }) {
  const { t, lang } = useI18n();
  const { query, round, rows } = useSignOffs(roundId, 10_000);
  if (!round) return query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : <Loading />;
  const signed = rows.filter((r) => r.state === 'SIGNED').length;
  return (
    <section className="hall-section" aria-labelledby="signoff-title" data-testid="signoffs">
      <h3 id="signoff-title">{t('hall.sign.title')}</h3>
      <p className="muted small">{t(round.live.requireSignOff ? 'hall.sign.introRequired' : 'hall.sign.introOptional')}</p>
      {query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : null}
      {rows.length === 0 ? (
        <Note>{t('hall.sign.noJudges')}</Note>
      ) : (
        <>
          <ProgressBar label={t('hall.sign.progress')} value={signed} max={rows.length} />
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('hall.sign.col.judge')}</th>
                  <th scope="col">{t('hall.sign.col.kind')}</th>
                  <th scope="col">{t('hall.sign.col.unit')}</th>
                  <th scope="col">{t('hall.sign.col.state')}</th>
                  <th scope="col">{t('hall.sign.col.at')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.userId}>
                    <th scope="row">
                      {row.label} {row.name}
                    </th>
                    <td>
                      {t(row.seated ? 'hall.sign.seated' : 'hall.sign.account')}
                      {row.seatRevoked ? <span className="tag tag-warn">{t('hall.seats.status.REVOKED')}</span> : null}
                      {row.classLabel ? <span className="muted small"> · {row.classLabel}</span> : null}
                    </td>
                    <td>{row.unit ?? '—'}</td>
                    <td>
                      <SignBadge state={row.state} />
                    </td>
                    <td>{row.at ? beijingDateTime(lang, row.at) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.some((r) => r.state === 'VOID') ? <p className="muted small">{t('hall.sign.voidHelp')}</p> : null}
        </>
      )}
    </section>
  );
}

export function SignBadge({ state }: { state: SignState }) {
  const { t } = useI18n();
  return <span className={`sign-badge sign-${state.toLowerCase()}`}>{t(`hall.sign.state.${state}`)}</span>;
}
