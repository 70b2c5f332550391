import type { ScreenLiveStateQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { clockText, useNow } from './clock';
import './hallScreen.css';

type Stage = NonNullable<ScreenLiveStateQuery['liveState']['stage']>;

/**
 * Who is on stage, for the back of the hall: order, name, unit and position, the pitch's title,
 * and a large timer counted from the server's start (red once over the round's limit, frozen
 * at the pitch's length when it ends). `offset` is this device's clock minus the server's
 * (useServerOffset), so that the timer runs on server time.
 */
export function StageBand({ stage, offset }: { stage: Stage; offset: number }) {
  const { t } = useI18n();
  const { entry } = stage;
  const running = Boolean(stage.pitchStartedAt && !stage.pitchEndedAt);
  const now = useNow(running);
  const started = stage.pitchStartedAt ? Date.parse(stage.pitchStartedAt) : null;
  const ended = stage.pitchEndedAt ? Date.parse(stage.pitchEndedAt) : null;
  const seconds = started === null ? null : Math.max(0, ((ended ?? now - offset) - started) / 1000);
  const limit = stage.pitchLimitSeconds ?? null;
  // Over as the API counts it: whole seconds past the limit (a pitch of 300.4 s under a 300 s limit is not over).
  const over = seconds !== null && limit !== null && Math.floor(seconds) > limit;
  const name = entry.cadre?.name ?? entry.unit?.name ?? entry.title;
  const who = [entry.cadre ? entry.unit?.name : null, entry.cadre?.position].filter(Boolean).join(' · ');
  const state = seconds === null ? 'waiting' : ended !== null ? 'ended' : 'running';

  return (
    <section className="stage-band" aria-label={t('live.screen.onStage')} data-testid="stage-band" data-entry={entry.id}>
      <div className="stage-band-tag">
        <span className="stage-band-label">{t('live.screen.onStage')}</span>
        <span className="stage-band-order">{t('live.screen.order', { n: entry.order })}</span>
        {entry.group ? <span className="stage-band-group">{entry.group}</span> : null}
      </div>
      <div className="stage-band-who">
        <p className="stage-band-name" data-testid="stage-name">
          {name}
        </p>
        {who ? <p className="stage-band-unit">{who}</p> : null}
        {(entry.cadre || entry.unit) && entry.title !== name ? <p className="stage-band-title">{entry.title}</p> : null}
      </div>
      <div className={`stage-timer stage-timer-${state}${over ? ' stage-timer-over' : ''}`} data-testid="pitch-timer" data-over={over} data-state={state}>
        <span className="stage-timer-caption">
          {state === 'waiting'
            ? t('live.screen.timerWaiting')
            : state === 'ended'
              ? t('live.screen.timerEnded')
              : over
                ? t('live.screen.overtime')
                : t('live.screen.timerRunning')}
        </span>
        <span className="stage-timer-value" role="timer" aria-live="off">
          {clockText(seconds ?? 0)}
        </span>
        {limit !== null ? (
          <span className="stage-timer-limit">
            {over && seconds !== null ? t('live.screen.overBy', { time: clockText(seconds - limit) }) : t('live.screen.limit', { time: clockText(limit) })}
          </span>
        ) : null}
      </div>
    </section>
  );
}
