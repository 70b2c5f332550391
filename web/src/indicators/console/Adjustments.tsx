import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/hooks';
import { Note } from '../../components/ui';
import { AddAdjustmentDocument, ApproveAdjustmentDocument, type AdjustmentKind } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ApiProblems } from '../ApiProblems';
import { adjustmentEntry, entryName, numberText, parseNumber, type AdjustmentRecord, type IndicatorRoundRecord } from '../model';
import { useWhen, whoText, type Me } from './words';

const KINDS: AdjustmentKind[] = ['BONUS', 'PENALTY', 'VETO'];

/**
 * 加减分: proposing a bonus, a penalty or a veto (一票否决) for a unit, with points and a
 * reason; the list of proposals with their state; 批准 for those another organizer
 * proposed (a proposal never counts on its proposer's word alone).
 */
export function Adjustments({
  round,
  adjustments,
  me,
  editable,
  onChanged,
}: {
  round: IndicatorRoundRecord;
  adjustments: readonly AdjustmentRecord[];
  me: Me;
  editable: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useI18n();
  const when = useWhen();
  const approve = useMutation(ApproveAdjustmentDocument);
  const [approved, setApproved] = useState<string | null>(null);
  const entryOf = new Map(round.entries.map((e) => [e.id, e]));
  const { bonusCap, penaltyCap } = round.method;
  const pending = adjustments.filter((a) => a.status === 'PENDING');
  const sorted = [...adjustments].sort(
    (a, b) => (entryOf.get(adjustmentEntry(a.id))?.order ?? 0) - (entryOf.get(adjustmentEntry(b.id))?.order ?? 0) || a.proposedAt.localeCompare(b.proposedAt),
  );

  const approveOne = async (a: AdjustmentRecord) => {
    setApproved(null);
    const done = await approve.mutate({ id: a.id });
    if (done) {
      const entry = entryOf.get(adjustmentEntry(a.id));
      setApproved(t('indicators.adjust.approved', { unit: entry ? entryName(entry) : '', kind: t(`indicators.adjust.kind.${a.kind}`) }));
      await onChanged();
    }
  };

  return (
    <div className="adjustments" data-testid="adjustments">
      <p className="muted">
        {t('indicators.adjust.hint')}{' '}
        {t('indicators.adjust.caps', {
          bonus: bonusCap === null ? t('indicators.adjust.noCap') : t('indicators.adjust.cap', { n: numberText(bonusCap) }),
          penalty: penaltyCap === null ? t('indicators.adjust.noCap') : t('indicators.adjust.cap', { n: numberText(penaltyCap) }),
        })}
      </p>
      {editable ? <ProposeForm round={round} onAdded={onChanged} /> : null}

      <h4>{t('indicators.adjust.listTitle', { n: adjustments.length, pending: pending.length })}</h4>
      {adjustments.length === 0 ? <p className="muted">{t('indicators.adjust.none')}</p> : null}
      {approve.error ? <ApiProblems error={approve.error} /> : null}
      {approved ? (
        <Note kind="ok" live>
          {approved}
        </Note>
      ) : null}
      {adjustments.length ? (
        <div className="table-wrap">
          <table className="table table-compact adjust-table" data-testid="adjustment-list">
            <caption className="visually-hidden">{t('indicators.adjust.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.adjust.unit')}</th>
                <th scope="col">{t('indicators.adjust.kindLabel')}</th>
                <th scope="col" className="num">
                  {t('indicators.adjust.points')}
                </th>
                <th scope="col">{t('indicators.adjust.reason')}</th>
                <th scope="col">{t('indicators.adjust.proposedBy')}</th>
                <th scope="col">{t('indicators.adjust.state')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((a) => {
                const entry = entryOf.get(adjustmentEntry(a.id));
                const own = a.proposedBy === me.id;
                return (
                  <tr key={a.id} data-adjustment={a.id} data-status={a.status}>
                    <th scope="row">{entry ? entryName(entry) : '—'}</th>
                    <td>
                      <span className={`adjust-kind adjust-${a.kind.toLowerCase()}`}>{t(`indicators.adjust.kind.${a.kind}`)}</span>
                    </td>
                    <td className="num">{a.kind === 'VETO' ? '—' : `${a.kind === 'BONUS' ? '+' : '−'}${numberText(a.points)}`}</td>
                    <td className="cell-wrap">
                      {a.reason}
                      {a.evidence ? <span className="muted small">（{t('indicators.adjust.evidenceShown', { evidence: a.evidence })}）</span> : null}
                    </td>
                    <td className="small">
                      {whoText(t, a.proposedBy, me, a.proposedByName)}
                      <br />
                      {when(a.proposedAt)}
                    </td>
                    <td>
                      {a.status === 'APPROVED' ? (
                        <span className="status-mark status-verified">
                          <span aria-hidden="true">✓</span> {t('indicators.adjust.approvedBy', { who: whoText(t, a.approvedBy ?? '', me, a.approvedByName) })}
                        </span>
                      ) : (
                        <div className="adjust-pending">
                          <span className="status-mark status-entered">
                            <span aria-hidden="true">◔</span> {t('indicators.adjust.pending')}
                          </span>
                          {!editable ? null : own ? (
                            <span className="own-note small">{t('indicators.adjust.own')}</span>
                          ) : (
                            <button
                              type="button"
                              className="button-small button-approve"
                              disabled={approve.pending}
                              aria-label={t('indicators.adjust.approveLabel', {
                                unit: entry ? entryName(entry) : '',
                                kind: t(`indicators.adjust.kind.${a.kind}`),
                              })}
                              onClick={() => void approveOne(a)}
                            >
                              {t('indicators.adjust.approve')}
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function ProposeForm({ round, onAdded }: { round: IndicatorRoundRecord; onAdded: () => Promise<void> | void }) {
  const { t } = useI18n();
  const id = useId();
  const [entryId, setEntryId] = useState('');
  const [kind, setKind] = useState<AdjustmentKind>('BONUS');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const add = useMutation(AddAdjustmentDocument);
  const parsed = parseNumber(points);
  const pointsOk = kind === 'VETO' || (typeof parsed === 'number' && parsed > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const result = await add.mutate({
      entryId,
      input: { kind, points: kind === 'VETO' ? null : (parsed as number), reason: reason.trim(), evidence: evidence.trim() || null },
    });
    if (result) {
      const entry = round.entries.find((e) => e.id === entryId);
      setDone(t('indicators.adjust.added', { unit: entry ? entryName(entry) : '', kind: t(`indicators.adjust.kind.${kind}`) }));
      setPoints('');
      setReason('');
      setEvidence('');
      await onAdded();
    }
  };

  return (
    <form className="adjust-form" onSubmit={submit} data-testid="adjust-form">
      <h4>{t('indicators.adjust.formTitle')}</h4>
      <div className="adjust-grid">
        <div className="field">
          <label htmlFor={`${id}-entry`}>{t('indicators.adjust.unit')}</label>
          <select id={`${id}-entry`} required value={entryId} onChange={(e) => setEntryId(e.target.value)}>
            <option value="">{t('indicators.adjust.pickUnit')}</option>
            {round.entries.map((e) => (
              <option key={e.id} value={e.id}>
                {e.order}. {entryName(e)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="plain-fieldset">
          <legend className="field-legend">{t('indicators.adjust.kindLabel')}</legend>
          <div className="choices choices-row">
            {KINDS.map((k) => (
              <label key={k} className="choice" htmlFor={`${id}-kind-${k}`}>
                <input id={`${id}-kind-${k}`} type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
                <span>{t(`indicators.adjust.kind.${k}`)}</span>
              </label>
            ))}
          </div>
          <p className="muted small">{t(`indicators.adjust.kindHelp.${kind}`)}</p>
        </fieldset>
        {kind !== 'VETO' ? (
          <div className="field">
            <label htmlFor={`${id}-points`}>{t('indicators.adjust.pointsLabel')}</label>
            <input id={`${id}-points`} inputMode="decimal" required value={points} onChange={(e) => setPoints(e.target.value)} />
          </div>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('indicators.adjust.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          required
          maxLength={500}
          value={reason}
          placeholder={t(`indicators.adjust.reasonPlaceholder.${kind}`)}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-evidence`}>{t('indicators.adjust.evidence')}</label>
        <input
          id={`${id}-evidence`}
          maxLength={2000}
          value={evidence}
          placeholder={t('indicators.adjust.evidencePlaceholder')}
          onChange={(e) => setEvidence(e.target.value)}
        />
      </div>
      {add.error ? <ApiProblems error={add.error} /> : null}
      {done ? (
        <Note kind="ok" live>
          {done}
        </Note>
      ) : null}
      <button type="submit" className="button-primary" disabled={add.pending || !entryId || !reason.trim() || !pointsOk}>
        {t('indicators.adjust.submit')}
      </button>
    </form>
  );
}
