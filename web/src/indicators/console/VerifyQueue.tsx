import { useId, useMemo, useState } from 'react';
import { ApiError, request } from '../../api/client';
import { Note } from '../../components/ui';
import { VerifyIndicatorValuesDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ApiProblems } from '../ApiProblems';
import { chunks, entryName, valueParts, VALUE_BATCH, type IndicatorRoundRecord, type ValueRecord } from '../model';
import { StatusMark } from './StatusMark';
import { useWhen, valueText, whoText, type Me } from './words';

/**
 * 审核: the values waiting for verification (ENTERED), by unit, with who entered each and
 * when. Values the signed-in organizer entered are listed but cannot be ticked: another
 * organizer verifies them (maker-checker). 全选 ticks every value this organizer may verify.
 */
export function VerifyQueue({
  round,
  values,
  me,
  onVerified,
}: {
  round: IndicatorRoundRecord;
  values: readonly ValueRecord[];
  me: Me;
  onVerified: () => Promise<void> | void;
}) {
  const { t } = useI18n();
  const id = useId();
  const when = useWhen();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const indicators = round.method.indicatorSet.indicators;
  const indicatorOf = useMemo(() => new Map(indicators.map((i, n) => [i.key, { indicator: i, n }])), [indicators]);

  const queue = values.filter((v) => v.status === 'ENTERED');
  const groups = round.entries
    .map((entry) => ({
      entry,
      items: queue
        .filter((v) => valueParts(v.id).entryId === entry.id)
        .sort((a, b) => (indicatorOf.get(valueParts(a.id).indicator)?.n ?? 0) - (indicatorOf.get(valueParts(b.id).indicator)?.n ?? 0)),
    }))
    .filter((g) => g.items.length > 0);
  const mine = queue.filter((v) => v.enteredBy === me.id);
  const choosable = queue.filter((v) => v.enteredBy !== me.id);
  const chosen = choosable.filter((v) => selected.has(v.id));
  const allChosen = choosable.length > 0 && chosen.length === choosable.length;

  const toggle = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const x of ids) {
        if (on) next.add(x);
        else next.delete(x);
      }
      return next;
    });

  const verify = async () => {
    setPending(true);
    setError(null);
    setDone(null);
    let verified = 0;
    try {
      for (const batch of chunks(
        chosen.map((v) => v.id),
        VALUE_BATCH,
      )) {
        verified += (await request(VerifyIndicatorValuesDocument, { roundId: round.id, ids: batch })).verifyIndicatorValues.length;
      }
      setSelected(new Set());
    } catch (e) {
      setError(e instanceof ApiError ? e : String(e));
    } finally {
      setPending(false);
      setDone(verified);
      await onVerified();
    }
  };

  return (
    <div className="verify-queue" data-testid="verify-queue">
      <p className="muted">{t('indicators.verify.hint')}</p>
      <p role="status" data-testid="verify-counts">
        {queue.length === 0
          ? t('indicators.verify.empty')
          : t('indicators.verify.counts', { n: queue.length, units: groups.length, mine: mine.length, others: choosable.length })}
      </p>
      {queue.length ? (
        <>
          <div className="row verify-actions">
            <div className="field field-check">
              <input
                id={`${id}-all`}
                type="checkbox"
                checked={allChosen}
                disabled={choosable.length === 0 || pending}
                onChange={(e) =>
                  toggle(
                    choosable.map((v) => v.id),
                    e.target.checked,
                  )
                }
              />
              <label htmlFor={`${id}-all`}>{t('indicators.verify.selectAll', { n: choosable.length })}</label>
            </div>
            <button type="button" className="button-primary" disabled={chosen.length === 0 || pending} onClick={() => void verify()}>
              {t('indicators.verify.submit', { n: chosen.length })}
            </button>
          </div>
          <div className="table-wrap verify-wrap">
            <table className="table table-compact verify-table">
              <caption className="visually-hidden">{t('indicators.verify.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.verify.pick')}</th>
                  <th scope="col">{t('indicators.verify.indicator')}</th>
                  <th scope="col" className="num">
                    {t('indicators.verify.value')}
                  </th>
                  <th scope="col">{t('indicators.verify.enteredBy')}</th>
                  <th scope="col">{t('indicators.verify.enteredAt')}</th>
                </tr>
              </thead>
              {groups.map(({ entry, items }) => {
                const open = items.filter((v) => v.enteredBy !== me.id).map((v) => v.id);
                const allOfUnit = open.length > 0 && open.every((x) => selected.has(x));
                return (
                  <tbody key={entry.id} data-entry={entry.id}>
                    <tr className="verify-unit">
                      <th scope="colgroup" colSpan={5}>
                        <span className="verify-unit-name">
                          {entry.order}. {entryName(entry)}
                        </span>
                        <span className="muted small">{t('indicators.verify.unitCount', { n: items.length })}</span>
                        {open.length ? (
                          <span className="field-check verify-unit-all">
                            <input
                              id={`${id}-u-${entry.id}`}
                              type="checkbox"
                              checked={allOfUnit}
                              disabled={pending}
                              onChange={(e) => toggle(open, e.target.checked)}
                            />
                            <label htmlFor={`${id}-u-${entry.id}`} className="small">
                              {t('indicators.verify.selectUnit', { unit: entryName(entry), n: open.length })}
                            </label>
                          </span>
                        ) : null}
                      </th>
                    </tr>
                    {items.map((v) => {
                      const { indicator: key } = valueParts(v.id);
                      const indicator = indicatorOf.get(key)?.indicator;
                      const own = v.enteredBy === me.id;
                      return (
                        <tr key={v.id} data-value={v.id} className={own ? 'verify-own' : undefined}>
                          <td>
                            {own ? (
                              <span className="own-note small">{t('indicators.verify.own')}</span>
                            ) : (
                              <>
                                <input
                                  id={`${id}-v-${v.id}`}
                                  type="checkbox"
                                  className="pick"
                                  checked={selected.has(v.id)}
                                  disabled={pending}
                                  onChange={(e) => toggle([v.id], e.target.checked)}
                                />
                                <label htmlFor={`${id}-v-${v.id}`} className="visually-hidden">
                                  {t('indicators.verify.pickOne', { unit: entryName(entry), indicator: indicator?.label ?? key })}
                                </label>
                              </>
                            )}
                          </td>
                          <td>
                            {indicator?.label ?? key}
                            <StatusMark status="ENTERED" />
                          </td>
                          <td className="num mono">{indicator ? valueText(t, indicator, v) : '—'}</td>
                          <td>{whoText(t, v.enteredBy, me, v.enteredByName)}</td>
                          <td className="small">{when(v.enteredAt)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                );
              })}
            </table>
          </div>
        </>
      ) : null}
      {error ? <ApiProblems error={error} /> : null}
      {done ? (
        <Note kind="ok" live>
          {t('indicators.verify.done', { n: done })}
        </Note>
      ) : null}
    </div>
  );
}
