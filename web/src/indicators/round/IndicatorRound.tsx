import { useMemo } from 'react';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../auth/useSession';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { IndicatorRoundDocument, RoundAdjustmentsDocument, RoundIndicatorValuesDocument, type RoundStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { useDirectory } from '../../organizer/directory/useDirectory';
import { ConsoleTabs } from '../console/ConsoleTabs';
import { ProgressSummary, ProgressPanel } from '../console/ProgressPanel';
import { Adjustments } from '../console/Adjustments';
import { progressOf } from '../console/values';
import { asIndicatorRound, numberText, type IndicatorRoundRecord } from '../model';
import { periodLabel } from './IndicatorRoundFields';
import { UnitEnrolment, type EnrolmentWords } from './UnitEnrolment';

const ENROLMENT_WORDS: EnrolmentWords = {
  heading: 'indicators.enrol.heading',
  intro: 'indicators.enrol.intro',
  none: 'indicators.enrol.none',
  caption: 'indicators.enrol.caption',
  removeAsk: 'indicators.enrol.removeAsk',
};
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
        <UnitEnrolment round={round} units={directory.units} onChanged={refreshEntries} words={ENROLMENT_WORDS} testId="unit-entries" />
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
