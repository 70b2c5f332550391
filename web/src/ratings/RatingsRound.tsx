import { useId, useState } from 'react';
import { TabList } from '../components/TabList';
import { useQuery } from '../api/hooks';
import { ErrorNote, Loading } from '../components/ui';
import { RatingsRoundDocument, type RoundStatus } from '../gql/graphql';
import { useI18n, type Translate } from '../i18n';
import { periodLabel } from '../indicators/round/period';
import { UnitEnrolment, type EnrolmentWords } from '../indicators/round/UnitEnrolment';
import { useDirectory } from '../organizer/directory/useDirectory';
import { Link } from '../router';
import { CaseConsole } from './CaseConsole';
import { FiguresPanel } from './FiguresPanel';
import { asRatingsRound, type RatingsMethodRecord, type RatingsRoundRecord } from './model';
import { RatingImport } from './RatingImport';
import { servicePointsPath } from './paths';
import '../indicators/indicators.css';
import './ratings.css';

/**
 * The parts of a ratings round's console that are its own (群众评议): what it rates and
 * how it ranks; while DRAFT the units enrolled and the unit picker; afterwards the
 * figures per unit, the follow-up of every 差评 (回访整改) and ratings imported from
 * elsewhere, one tab each.
 */
export function RatingsRound({ roundId, status, onChanged }: { roundId: string; status: RoundStatus; onChanged: () => void }) {
  const { t } = useI18n();
  const detail = useQuery(RatingsRoundDocument, { id: roundId });
  const directory = useDirectory();
  const round = asRatingsRound(detail.data?.round);
  if (!round) {
    if (detail.error) return <ErrorNote error={detail.error} onRetry={() => void detail.refetch()} />;
    return <Loading />;
  }
  const refresh = () => {
    onChanged();
    void detail.refetch();
  };
  return (
    <div className="ratings-round">
      <p className="muted small method-summary" data-testid="method-summary">
        {methodSummary(t, round.method)}
      </p>
      <p className="small">
        <Link to={servicePointsPath(round.competition.id)}>{t('ratings.round.pointsLink')}</Link>
        <span className="muted"> {t('ratings.round.pointsHint')}</span>
      </p>
      {status === 'DRAFT' ? (
        <UnitEnrolment round={round} units={directory.units} onChanged={refresh} words={ENROLMENT_WORDS} testId="rating-units" anyKind />
      ) : (
        <RatingTabs round={round} status={status} onChanged={refresh} />
      )}
    </div>
  );
}

/** 评议期 2026年5月 · 两级评价（满意 / 不满意）· 满 30 条评价才排名 · 按满意率置信下限排名 · 回访 1 个工作日、办结 5 个工作日. */
export function methodSummary(t: Translate, method: RatingsMethodRecord): string {
  return [
    t('ratings.round.period', { period: periodLabel(t, method.period) }),
    t(`ratings.scale.${method.scale}`),
    t('ratings.round.minRatings', { n: method.minRatings }),
    t(`ratings.round.rankBy.${method.rankBy}`),
    t('ratings.round.deadlines', { callback: method.callbackWorkingDays, rectify: method.rectificationWorkingDays }),
    t('ratings.round.reasons', { n: method.reasons.length, list: method.reasons.join('、') }),
  ].join(' · ');
}

const ENROLMENT_WORDS: EnrolmentWords = {
  heading: 'ratings.enrol.heading',
  intro: 'ratings.enrol.intro',
  none: 'ratings.enrol.none',
  caption: 'ratings.enrol.caption',
  removeAsk: 'ratings.enrol.removeAsk',
};

const TABS = ['figures', 'cases', 'import'] as const;
type Tab = (typeof TABS)[number];

/** 评议数据, 回访整改 and 导入评价, one tab each; every panel stays mounted, so a half-filled form survives a look elsewhere. */
function RatingTabs({ round, status, onChanged }: { round: RatingsRoundRecord; status: RoundStatus; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [tab, setTab] = useState<Tab>('figures');
  const [casesVersion, setCasesVersion] = useState(0);
  const tabs: readonly Tab[] = status === 'OPEN' ? TABS : TABS.filter((x) => x !== 'import');
  return (
    <div className="console-tabs">
      <TabList tabs={tabs} current={tab} onSelect={setTab} label={(name) => t(`ratings.tab.${name}`)} ariaLabel={t('ratings.tab.label')} idPrefix={id} />
      {tabs.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`${id}-panel-${name}`}
          aria-labelledby={`${id}-tab-${name}`}
          hidden={tab !== name}
          className="tab-panel"
          tabIndex={-1}
        >
          {name === 'figures' ? (
            <FiguresPanel round={round} status={status} active={tab === 'figures'} casesVersion={casesVersion} onChanged={onChanged} />
          ) : null}
          {name === 'cases' ? <CaseConsole round={round} active={tab === 'cases'} onCaseChanged={() => setCasesVersion((v) => v + 1)} /> : null}
          {name === 'import' ? <RatingImport round={round} onImported={() => setCasesVersion((v) => v + 1)} /> : null}
        </div>
      ))}
    </div>
  );
}
