import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { BonusForm } from './BonusForm';
import { ErrorNote, Loading, Note } from '../../components/ui';
import {
  ConsoleHallEndPitchDocument,
  ConsoleHallLiveDocument,
  ConsoleHallRevealDocument,
  ConsoleHallSetOnStageDocument,
  ConsoleHallStageDocument,
  ConsoleHallStartPitchDocument,
  type ConsoleHallLiveQuery,
  type ConsoleHallStageQuery,
  type RoundStatus,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ConfirmAction } from '../../organizer/round/fields';
import { entrantName } from '../../organizer/round/types';
import { observeServerTime, useServerNow } from './serverClock';
import { clock, overtimePoints } from './time';

type StageRound = NonNullable<ConsoleHallStageQuery['round']>;
type StageEntry = StageRound['entries'][number];
type Progress = ConsoleHallStageQuery['roundProgress'];
type LiveState = ConsoleHallLiveQuery['liveState'];
type Stage = NonNullable<LiveState['stage']>;

/** The judges (by panel order) still owing a sheet for an entry, from the progress grid. */
function missingJudges(progress: Progress, entryId: string) {
  const row = progress.entries.find((e) => e.entry.id === entryId);
  if (!row) return { row: undefined, missing: [] };
  const missing = row.judgeStates.flatMap((state, i) => (state === 'EXPECTED' && progress.judges[i] ? [progress.judges[i].judge] : []));
  return { row, missing };
}

/**
 * 现场控制: the host's view of an OPEN round. The entries in pitch order, each with 请上台;
 * the entry on stage with its timer (started and stopped on the server; the running time
 * is computed from the server's start, red once over the limit), the judges whose sheets
 * are still missing, and 亮分 — disabled, with the reason, until every expected sheet is
 * in, or forced with a reason that is recorded. Polls the live state every second and
 * refetches the entries and progress whenever its sequence moves.
 */
export function HostView({ roundId, status, onShowRules }: { roundId: string; status: RoundStatus; onShowRules: () => void }) {
  const { t } = useI18n();
  const open = status === 'OPEN';
  const draft = status === 'DRAFT';
  const live = useQuery(ConsoleHallLiveDocument, { roundId }, { pollMs: open ? 1000 : undefined, skip: draft });
  const stage = useQuery(ConsoleHallStageDocument, { id: roundId }, { pollMs: open ? 20_000 : undefined, skip: draft });
  const setOnStage = useMutation(ConsoleHallSetOnStageDocument);

  // A new sequence means a sheet, a stage change or a reveal: fetch the entries and progress again.
  const sequence = live.data?.liveState.sequence;
  const seen = useRef<number | undefined>(undefined);
  const refetchStage = useRef(stage.refetch);
  refetchStage.current = stage.refetch;
  useEffect(() => {
    if (sequence === undefined) return;
    if (seen.current !== undefined && seen.current !== sequence) void refetchStage.current();
    seen.current = sequence;
  }, [sequence]);

  // Every answer carries the server's clock: the timer runs on it, whatever this laptop's clock says.
  const serverTime = live.data?.liveState.serverTime;
  const answeredAt = live.updatedAt;
  useEffect(() => {
    if (serverTime && answeredAt) observeServerTime(serverTime, answeredAt, answeredAt);
  }, [serverTime, answeredAt]);

  const refresh = async () => {
    await Promise.all([live.refetch(), stage.refetch()]);
  };

  if (draft) return <Note>{t('hall.host.draft')}</Note>;
  const round = stage.data?.round;
  if (!round || !stage.data || !live.data) {
    const error = stage.error ?? live.error;
    return error ? <ErrorNote error={error} onRetry={() => void refresh()} /> : <Loading />;
  }
  const state = live.data.liveState;
  const onStage = state.stage ? round.entries.find((e) => e.id === state.stage?.entry.id) : undefined;
  const next = nextUp(round.entries, onStage);

  const call = async (entry: StageEntry) => {
    const sentAt = Date.now();
    const done = await setOnStage.mutate({ roundId, entryId: entry.id });
    if (done) {
      observeServerTime(done.setOnStage.stage?.since, sentAt, Date.now());
      await refresh();
    }
  };

  return (
    <div className="host" data-testid="host-view">
      {!open ? <Note>{t('hall.host.notOpen')}</Note> : null}
      {open && round.live.scoringGate === 'ANY' ? (
        <div className="note note-warn">
          <span>{t('hall.host.gateAny')}</span>
          <button type="button" className="button-small" onClick={onShowRules}>
            {t('hall.host.gateAnyAction')}
          </button>
        </div>
      ) : null}
      {live.error || stage.error ? <ErrorNote error={live.error ?? stage.error} onRetry={() => void refresh()} /> : null}
      <div className="host-grid">
        <section className="host-stage" aria-labelledby="host-stage-title">
          <h3 id="host-stage-title">{t('hall.host.onStage')}</h3>
          {onStage && state.stage ? (
            <StageCard key={onStage.id} entry={onStage} stage={state.stage} round={round} progress={stage.data.roundProgress} open={open} onChanged={refresh} />
          ) : (
            <p className="muted">{open ? t('hall.host.nobody') : t('hall.host.nobodyClosed')}</p>
          )}
          <LastReveal reveal={state.reveal} />
        </section>
        <section className="host-queue" aria-labelledby="host-queue-title">
          <div className="section-head">
            <h3 id="host-queue-title">{t('hall.host.queue')}</h3>
            <span className="muted small">
              {t('hall.host.queueCount', { n: round.entries.length, revealed: round.entries.filter((e) => e.revealedAt).length })}
            </span>
          </div>
          {setOnStage.error ? <ErrorNote error={setOnStage.error} /> : null}
          <Queue entries={round.entries} onStage={onStage} next={next} open={open} pending={setOnStage.pending} onCall={(e) => void call(e)} />
        </section>
      </div>
    </div>
  );
}

/** The entry to call next: the first after the one on stage that has never been on stage. */
function nextUp(entries: readonly StageEntry[], onStage: StageEntry | undefined): StageEntry | undefined {
  const waiting = (e: StageEntry) => e.id !== onStage?.id && !e.stagedAt && !e.revealedAt;
  return entries.find((e) => waiting(e) && (!onStage || e.order > onStage.order)) ?? entries.find(waiting);
}

function Queue({
  entries,
  onStage,
  next,
  open,
  pending,
  onCall,
}: {
  entries: readonly StageEntry[];
  onStage: StageEntry | undefined;
  next: StageEntry | undefined;
  open: boolean;
  pending: boolean;
  onCall: (entry: StageEntry) => void;
}) {
  const { t, score } = useI18n();
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the entry on stage in sight within the list (not the page).
  const stageId = onStage?.id;
  useEffect(() => {
    const list = listRef.current;
    const item = stageId ? list?.querySelector<HTMLElement>(`[data-entry="${CSS.escape(stageId)}"]`) : null;
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = Math.max(0, top - list.clientHeight / 3);
  }, [stageId]);
  return (
    <ol className="host-list" ref={listRef} data-testid="host-queue">
      {entries.map((entry) => {
        const here = entry.id === onStage?.id;
        const name = entrantName(entry);
        return (
          <li key={entry.id} className={here ? 'host-item host-item-stage' : 'host-item'} data-entry={entry.id}>
            <span className="host-item-order">{entry.order}</span>
            <span className="host-item-who">
              <strong>{name}</strong>
              {entry.title !== name ? <span className="muted small"> {entry.title}</span> : null}
              <span className="host-item-tags">
                {here ? <span className="tag tag-current">{t('hall.host.tag.stage')}</span> : null}
                {!here && entry.id === next?.id ? <span className="tag tag-next">{t('hall.host.tag.next')}</span> : null}
                {entry.revealedAt ? <span className="tag tag-done">{t('hall.host.tag.revealed', { total: score(entry.total) })}</span> : null}
                {entry.pitchSeconds !== null ? <span className="tag tag-plain">{t('hall.host.tag.pitched', { time: clock(entry.pitchSeconds) })}</span> : null}
                {entry.expectedSheetCount > 0 ? (
                  <span className="tag tag-plain">{t('hall.host.tag.sheets', { received: entry.sheetCount, expected: entry.expectedSheetCount })}</span>
                ) : null}
              </span>
            </span>
            {open ? (
              <button
                type="button"
                className={entry.id === next?.id ? 'button-primary button-small' : 'button button-small'}
                disabled={here || pending}
                aria-label={t('hall.host.callLabel', { order: entry.order, name })}
                onClick={() => onCall(entry)}
              >
                {t('hall.host.call')}
              </button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function StageCard({
  entry,
  stage,
  round,
  progress,
  open,
  onChanged,
}: {
  entry: StageEntry;
  stage: Stage;
  round: StageRound;
  progress: Progress;
  open: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, score, time } = useI18n();
  const id = useId();
  const start = useMutation(ConsoleHallStartPitchDocument);
  const end = useMutation(ConsoleHallEndPitchDocument);
  const reveal = useMutation(ConsoleHallRevealDocument);
  const [forcing, setForcing] = useState(false);
  const [reason, setReason] = useState('');

  const startedAt = stage.pitchStartedAt ?? entry.pitchStartedAt;
  const running = !!startedAt && !stage.pitchEndedAt && entry.pitchSeconds === null;
  const now = useServerNow(running);
  const limit = stage.pitchLimitSeconds ?? round.live.pitchLimitSeconds;
  const elapsed = startedAt
    ? running
      ? (now - Date.parse(startedAt)) / 1000
      : (entry.pitchSeconds ?? (stage.pitchEndedAt ? (Date.parse(stage.pitchEndedAt) - Date.parse(startedAt)) / 1000 : 0))
    : 0;
  const over = limit !== null && elapsed > limit ? Math.floor(elapsed - limit) : 0;
  const overtime = round.live.overtime;

  const { row, missing } = missingJudges(progress, entry.id);
  const received = row?.received ?? entry.sheetCount;
  const expected = row?.expected ?? entry.expectedSheetCount;
  const ready = expected > 0 && received >= expected && missing.length === 0;

  const act = async (run: () => Promise<unknown>) => {
    if (await run()) await onChanged();
  };
  const startPitch = async () => {
    const sentAt = Date.now();
    const done = await start.mutate({ entryId: entry.id });
    if (done) {
      observeServerTime(done.startPitch.pitchStartedAt, sentAt, Date.now());
      await onChanged();
    }
  };
  const doReveal = async (overrideReason: string | null) => {
    const done = await reveal.mutate({ entryId: entry.id, overrideReason });
    if (done) {
      setForcing(false);
      setReason('');
      await onChanged();
    }
  };
  const error = start.error ?? end.error ?? reveal.error;

  return (
    <div className="stage-card" data-testid="stage-card">
      <p className="stage-who">
        <span className="stage-order">{t('hall.host.order', { order: entry.order })}</span>
        <strong className="stage-name">{entrantName(entry)}</strong>
      </p>
      <p className="muted small">
        {[entry.title !== entrantName(entry) ? entry.title : null, entry.cadre ? entry.unit?.name : null, entry.group].filter(Boolean).join(' · ') || '\u00a0'}
      </p>

      <div className={over > 0 ? 'stage-timer stage-timer-over' : 'stage-timer'} data-testid="stage-timer">
        <span className="stage-clock" role="timer" aria-label={t('hall.host.timerLabel')}>
          {clock(elapsed)}
        </span>
        <span className="stage-limit">
          {limit !== null ? t('hall.host.limit', { limit: clock(limit) }) : t('hall.host.noLimit')}
          {limit !== null && running && over === 0 ? ` · ${t('hall.host.remaining', { time: clock(limit - elapsed + 0.999) })}` : ''}
        </span>
      </div>
      {over > 0 ? (
        <p className="stage-over" data-testid="stage-over">
          {running
            ? overtime
              ? t('hall.host.overRunning', { time: clock(over), points: overtimePoints(over, overtime).toFixed(2) })
              : t('hall.host.overRunningNoRule', { time: clock(over) })
            : t('hall.host.overEnded', { time: clock(over), points: entry.overtimeDeduction.toFixed(2) })}
        </p>
      ) : null}
      {!startedAt && open ? <p className="muted small">{t('hall.host.notStarted')}</p> : null}
      {startedAt && !running ? <p className="small">{t('hall.host.ended', { time: clock(elapsed) })}</p> : null}
      {open ? (
        <div className="row">
          {!startedAt ? (
            <button type="button" className="button-primary" disabled={start.pending} onClick={() => void startPitch()}>
              {t('hall.host.start')}
            </button>
          ) : null}
          {running ? (
            <button type="button" className="button-danger" disabled={end.pending} onClick={() => void act(() => end.mutate({ entryId: entry.id }))}>
              {t('hall.host.stop')}
            </button>
          ) : null}
          {startedAt ? (
            <ConfirmAction
              small
              danger={false}
              label={t('hall.host.restart')}
              question={t('hall.host.restartQuestion')}
              disabled={start.pending}
              onConfirm={startPitch}
            />
          ) : null}
        </div>
      ) : null}

      <h4>{t('hall.host.sheets', { received, expected })}</h4>
      <p id={`${id}-ready`} className={ready ? 'stage-ready' : 'stage-missing'} data-testid="stage-missing">
        {ready
          ? t('hall.host.allIn', { n: expected })
          : expected === 0
            ? t('hall.host.noJudges')
            : t('hall.host.missing', {
                n: Math.max(expected - received, missing.length),
                judges: missing.map((j) => t('hall.host.judge', { label: j.label, name: j.name })).join('、'),
              })}
      </p>
      {open ? <BonusForm key={entry.id} entryId={entry.id} bonus={entry.bonus} reason={entry.bonusReason} onChanged={onChanged} /> : null}
      {entry.revealedAt ? (
        <p className="small" data-testid="stage-revealed">
          {t('hall.host.revealedAt', { time: time(entry.revealedAt), total: score(entry.total), rank: entry.rank ?? '—' })}
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {open ? (
        <div className="row">
          <button
            type="button"
            className="button-primary stage-reveal"
            disabled={!ready || reveal.pending}
            aria-describedby={`${id}-ready`}
            onClick={() => void doReveal(null)}
          >
            {entry.revealedAt ? t('hall.host.revealAgain') : t('hall.host.reveal')}
          </button>
          {!ready && expected > 0 && !forcing ? (
            <button type="button" className="button-danger button-small" onClick={() => setForcing(true)}>
              {t('hall.host.force')}
            </button>
          ) : null}
        </div>
      ) : null}
      {forcing && !ready ? (
        <form
          className="confirm confirm-wide"
          aria-label={t('hall.host.force')}
          onSubmit={(event) => {
            event.preventDefault();
            void doReveal(reason.trim());
          }}
        >
          <p>{t('hall.host.forceQuestion', { n: Math.max(expected - received, missing.length) })}</p>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('hall.host.forceReason')}</label>
            <textarea id={`${id}-reason`} rows={2} maxLength={500} required value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="row">
            <button type="submit" className="button-danger" disabled={!reason.trim() || reveal.pending}>
              {t('hall.host.forceConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setForcing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** The latest 亮分 as the big screen plays it: each judge's total (struck out when dropped), the deduction, total and rank. */
function LastReveal({ reveal }: { reveal: LiveState['reveal'] }) {
  const { t, score, time } = useI18n();
  if (!reveal) return null;
  const sheets = [...reveal.sheets].sort((a, b) => Number(a.judgeLabel.replace(/\D/g, '')) - Number(b.judgeLabel.replace(/\D/g, '')));
  return (
    <div className="last-reveal" data-testid="last-reveal">
      <h4>{t('hall.host.lastReveal', { time: time(reveal.at) })}</h4>
      <p>
        <strong>
          {t('hall.host.order', { order: reveal.entry.order })} {entrantName(reveal.entry)}
        </strong>{' '}
        {t('hall.host.revealTotal', { total: score(reveal.total), rank: reveal.rank ?? '—' })}
      </p>
      <ul className="reveal-sheets">
        {sheets.map((s) => (
          <li key={s.judgeLabel} className={s.dropped ? 'reveal-dropped' : undefined}>
            <span>{s.judgeLabel}</span> {s.dropped ? <del>{score(s.total)}</del> : <span>{score(s.total)}</span>}
            {s.dropped ? <span className="visually-hidden">{t('hall.host.dropped')}</span> : null}
          </li>
        ))}
      </ul>
      {reveal.classResults.length > 0 ? (
        <p className="small">
          {reveal.classResults
            .map((c) => t('hall.host.classResult', { label: c.label, weight: Math.round(c.weight * 100), result: score(c.result) }))
            .join('；')}
        </p>
      ) : null}
      {reveal.overtimeDeduction > 0 ? <p className="small">{t('hall.host.revealOvertime', { points: reveal.overtimeDeduction.toFixed(2) })}</p> : null}
      {reveal.overrideReason ? <p className="small">{t('hall.host.revealForced', { reason: reveal.overrideReason })}</p> : null}
    </div>
  );
}
