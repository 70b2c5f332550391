import { useMemo, useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../auth/useSession';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { IndicatorRoundDocument, RemoveEntryDocument, RoundAdjustmentsDocument, RoundIndicatorValuesDocument, type RoundStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { useDirectory } from '../../organizer/directory/useDirectory';
import { ConfirmAction } from '../../organizer/round/fields';
import { useMutation } from '../../api/hooks';
import { ConsoleTabs } from '../console/ConsoleTabs';
import { ProgressSummary, ProgressPanel } from '../console/ProgressPanel';
import { Adjustments } from '../console/Adjustments';
import { progressOf } from '../console/values';
import { asIndicatorRound, entryName, numberText, type IndicatorRoundRecord } from '../model';
import { periodLabel } from './IndicatorRoundFields';
import { UnitPicker } from './UnitPicker';
import '../indicators.css';

/**
 * The parts of an indicator round's console that are its own: what it assesses (set,
 * period, caps, boards); while DRAFT the units enrolled and the unit picker; while OPEN
 * the work itself — entering, importing, verifying, adjusting, progress; afterwards the
 * progress and adjustments as they stood.
 */
export function IndicatorRound({ roundId, status, onChanged }: { roundId: string; status: RoundStatus; onChanged: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const me = { id: session?.user.id ?? '', name: session?.user.name ?? '' };
  const detail = useQuery(IndicatorRoundDocument, { id: roundId });
  const started = status !== 'DRAFT';
  const values = useQuery(RoundIndicatorValuesDocument, { roundId }, { skip: !started, pollMs: status === 'OPEN' ? 30_000 : undefined });
  const adjustments = useQuery(RoundAdjustmentsDocument, { roundId }, { skip: !started, pollMs: status === 'OPEN' ? 30_000 : undefined });
  const directory = useDirectory();
  const round = asIndicatorRound(detail.data?.round ?? null);
  const paths = useMemo(() => {
    const out = new Map<string, readonly string[]>();
    for (const entry of round?.entries ?? []) {
      const unitId = entry.unit?.id;
      if (unitId && directory.units?.byId.has(unitId)) out.set(entry.id, directory.units.pathOf(unitId));
    }
    return out;
  }, [round, directory.units]);

  if (!round) {
    if (detail.error) return <ErrorNote error={detail.error} onRetry={() => void detail.refetch()} />;
    return <Loading />;
  }
  const refreshEntries = () => {
    onChanged();
    void detail.refetch();
  };
  const valueList = values.data?.indicatorValues ?? [];
  const adjustmentList = adjustments.data?.adjustments ?? [];
  const refreshValues = async () => {
    await Promise.all([values.refetch(), adjustments.refetch()]);
  };

  return (
    <div className="indicator-round">
      <MethodSummary round={round} />
      {status === 'DRAFT' ? (
        <UnitEnrolment round={round} units={directory.units} onChanged={refreshEntries} />
      ) : (
        <>
          {values.error ? <ErrorNote error={values.error} onRetry={() => void values.refetch()} /> : null}
          {adjustments.error ? <ErrorNote error={adjustments.error} onRetry={() => void adjustments.refetch()} /> : null}
          {!values.data ? (
            <Loading />
          ) : (
            <>
              <ProgressSummary progress={progressOf(round.entries, round.method.indicatorSet.indicators, valueList)} />
              {status === 'OPEN' ? (
                <ConsoleTabs round={round} values={valueList} adjustments={adjustmentList} paths={paths} me={me} onValuesChanged={refreshValues} />
              ) : (
                <>
                  <Note>{t('indicators.round.closedNote')}</Note>
                  <ProgressPanel round={round} values={valueList} />
                  <Adjustments round={round} adjustments={adjustmentList} me={me} editable={false} onChanged={refreshValues} />
                </>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}

/** 指标体系 乡镇实绩考核（第 1 版，总分 200）· 考核期 2026年第三季度 · 加分上限 5 分 · 扣分上限 10 分 · 红榜 10 / 黑榜 5 / 进步最快 5. */
function MethodSummary({ round }: { round: IndicatorRoundRecord }) {
  const { t } = useI18n();
  const { indicatorSet: set, period, bonusCap, penaltyCap, boards } = round.method;
  return (
    <p className="muted small method-summary" data-testid="method-summary">
      {[
        t('indicators.round.set', { name: set.name, version: set.version, total: numberText(set.fullMark), n: set.indicators.length }),
        t('indicators.round.period', { period: periodLabel(t, period) }),
        bonusCap === null ? null : t('indicators.round.bonusCap', { n: numberText(bonusCap) }),
        penaltyCap === null ? null : t('indicators.round.penaltyCap', { n: numberText(penaltyCap) }),
        t('indicators.round.boards', { red: boards.red, black: boards.black, improved: boards.mostImproved }),
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  );
}

/** The units enrolled (while DRAFT: removable) and the picker that adds more. */
function UnitEnrolment({ round, units, onChanged }: { round: IndicatorRoundRecord; units: ReturnType<typeof useDirectory>['units']; onChanged: () => void }) {
  const { t } = useI18n();
  const remove = useMutation(RemoveEntryDocument);
  const [removed, setRemoved] = useState<string | null>(null);
  const [pickerOpen] = useState(round.entries.length === 0);
  const enrolled = new Set(round.entries.flatMap((e) => (e.unit ? [e.unit.id] : [])));
  const nextOrder = round.entries.reduce((max, e) => Math.max(max, e.order), 0) + 1;
  return (
    <section className="subpanel enrolment" aria-labelledby="unit-enrolment-title">
      <h3 id="unit-enrolment-title">{t('indicators.enrol.heading', { n: round.entries.length })}</h3>
      <p className="muted small">{t('indicators.enrol.intro')}</p>
      {remove.error ? <ErrorNote error={remove.error} /> : null}
      {removed ? (
        <Note kind="ok" live>
          {removed}
        </Note>
      ) : null}
      {round.entries.length === 0 ? (
        <Note>{t('indicators.enrol.none')}</Note>
      ) : (
        <div className="table-wrap entry-table-wrap">
          <table className="table table-compact" data-testid="unit-entries">
            <caption className="visually-hidden">{t('indicators.enrol.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('round.entries.order')}
                </th>
                <th scope="col">{t('indicators.picker.name')}</th>
                <th scope="col">{t('indicators.picker.path')}</th>
                <th scope="col">{t('round.entries.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {round.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="num">{entry.order}</td>
                  <th scope="row">{entryName(entry)}</th>
                  <td className="muted">{entry.unit && units?.byId.has(entry.unit.id) ? units.pathOf(entry.unit.id).join('/') : '—'}</td>
                  <td>
                    <ConfirmAction
                      small
                      label={t('indicators.enrol.remove')}
                      question={t('indicators.enrol.removeAsk', { name: entryName(entry) })}
                      onConfirm={async () => {
                        setRemoved(null);
                        if (await remove.mutate({ id: entry.id })) {
                          setRemoved(t('indicators.enrol.removed', { name: entryName(entry) }));
                          onChanged();
                        }
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="subpanel" open={pickerOpen}>
        <summary>{t('indicators.picker.open')}</summary>
        <UnitPicker roundId={round.id} units={units} enrolled={enrolled} nextOrder={nextOrder} onAdded={onChanged} />
      </details>
    </section>
  );
}
