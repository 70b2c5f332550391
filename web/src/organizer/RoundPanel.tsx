import { useQuery } from '../api/hooks';
import { panelOf } from '../api/method';
import { ErrorNote, Loading, StatusBadge } from '../components/ui';
import { RoundConsoleDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { IndicatorLifecycle } from '../indicators/round/IndicatorLifecycle';
import { IndicatorRound } from '../indicators/round/IndicatorRound';
import { RatingsLifecycle } from '../ratings/RatingsLifecycle';
import { RatingsRound } from '../ratings/RatingsRound';
import { Link } from '../router';
import { HallTabs } from '../hall/console/HallTabs';
import { ProgressView } from './ProgressView';
import { Enrolment } from './round/Enrolment';
import { RoundHousekeeping } from './round/Housekeeping';
import { Lifecycle } from './round/Lifecycle';
import { Amendments, RejectedSheets } from './round/Notices';
import { Advance, Judges, Visibility } from './round/Panel';
import { RoundSettings } from './round/RoundSettings';
import { RuleSummary } from './round/RuleSummary';

/** One round, as its organizer runs it: set up while DRAFT, watched while OPEN, checked and published after. */
export function RoundPanel({ roundId, onChanged }: { roundId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const detail = useQuery(RoundConsoleDocument, { id: roundId });
  const changed = () => {
    onChanged();
    void detail.refetch();
  };
  const round = detail.data?.round;
  if (!round) {
    return (
      <section className="panel round-panel" aria-label={t('round.panel')}>
        {detail.error ? <ErrorNote error={detail.error} onRetry={() => void detail.refetch()} /> : detail.data ? <p>{t('round.notFound')}</p> : <Loading />}
      </section>
    );
  }
  const { status } = round;
  const panel = panelOf(round);
  // A round of measured indicators has no judges, rubric or draw: its own console replaces them.
  const indicators = round.method.__typename === 'IndicatorsMethod';
  // So has a round rated by citizens (群众评议): units, their figures and the follow-up of 差评.
  const ratings = round.method.__typename === 'RatingsMethod';
  const path = encodeURIComponent(round.id);
  const setup = (
    <>
      {round.amendmentCount ? <Amendments amendments={round.amendments} count={round.amendmentCount} /> : null}
      {panel && (status === 'CLOSED' || status === 'PUBLISHED') ? (
        <RejectedSheets roundId={round.id} criteria={panel?.rubric.criteria ?? []} live={status === 'CLOSED'} />
      ) : null}
      {status !== 'PUBLISHED' ? <Visibility roundId={round.id} value={round.leaderboardVisibility} onChanged={changed} /> : null}

      {indicators ? <IndicatorRound key={status} roundId={round.id} status={status} onChanged={changed} /> : null}
      {ratings ? <RatingsRound key={status} roundId={round.id} status={status} onChanged={changed} /> : null}
      {panel && status !== 'DRAFT' ? <ProgressView roundId={round.id} live={status === 'OPEN'} /> : null}

      {status === 'DRAFT' && panel ? <RoundSettings round={round} panel={panel} onChanged={changed} /> : null}
      {panel ? <Enrolment round={round} onChanged={changed} /> : null}
      {panel && (status === 'DRAFT' || status === 'OPEN') ? (
        <Judges round={round} canAssign={status === 'DRAFT' || panel?.quorumMode !== 'ALL_EXPECTED'} onChanged={changed} />
      ) : null}
      {status === 'CLOSED' || status === 'PUBLISHED' ? <Advance round={round} onChanged={changed} /> : null}
      <RoundHousekeeping round={round} onChanged={changed} />
    </>
  );
  return (
    <section className="panel round-panel" aria-labelledby="round-title">
      <div className="panel-head">
        <div className="panel-titles">
          <p className="muted small">{round.competition.name}</p>
          <h2 id="round-title">
            {round.name} <StatusBadge status={status} measured={indicators || ratings} />
            {round.archivedAt ? <span className="tag">{t('round.archived')}</span> : null}
          </h2>
          {panel ? (
            <p className="muted small">
              {t('org.rubric', { name: panel.rubric.name, version: panel.rubric.version, max: panel.rubric.maxTotal })}
              <br />
              <RuleSummary rule={panel} criteria={panel.rubric.criteria} />
            </p>
          ) : null}
        </div>
        <div className="panel-actions">
          {indicators ? (
            <IndicatorLifecycle roundId={round.id} name={round.name} status={status} onChanged={changed} />
          ) : ratings ? (
            <RatingsLifecycle roundId={round.id} name={round.name} status={status} onChanged={changed} />
          ) : (
            <Lifecycle roundId={round.id} name={round.name} status={status} onChanged={changed} />
          )}
          <Link to={`/organizer/rounds/${path}/results`} className="button">
            {t('round.results')}
          </Link>
          <a href={`/screen/${path}`} target="_blank" rel="noopener noreferrer" className="button">
            {t('round.screen')}
          </a>
        </div>
      </div>
      {detail.error ? <ErrorNote error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {/* A judged round is also run live in the hall: the hall's tabs, with the set-up and progress above in the first (轮次管理). */}
      {panel ? (
        <HallTabs roundId={round.id} status={status} onChanged={changed}>
          {setup}
        </HallTabs>
      ) : (
        setup
      )}
    </section>
  );
}
