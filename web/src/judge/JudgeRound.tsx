import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { describeError } from '../api/errors';
import { useMutation, useQuery } from '../api/hooks';
import { panelOf } from '../api/method';
import { useSession } from '../auth/useSession';
import { ErrorNote, Loading, Note, StatusBadge } from '../components/ui';
import { DeclareConflictDocument, JudgeHallDocument, JudgeRoundDocument, PhoneLiveStateDocument, type JudgeRoundQuery } from '../gql/graphql';
import { SignOffPanel } from '../hall/phone/SignOffPanel';
import { LeavePrompt, StageStrip } from '../hall/phone/StagePrompt';
import { useLivePoll } from '../hall/phone/useLivePoll';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { closedOutText, OutboxPanel } from './OutboxPanel';
import { ScoreForm, type Marks } from './ScoreForm';
import type { PendingSheet, SubmittedSheet } from './outbox';
import { useOutbox } from './useOutbox';

type Round = NonNullable<JudgeRoundQuery['round']>;
type Entry = Round['entries'][number];
type Sheet = NonNullable<Entry['mySheet']> | SubmittedSheet;

type EntryState =
  | { kind: 'pending'; item: PendingSheet; sending: boolean }
  /** Sent after scoring had ended: not counted; the outbox keeps it until the judge has read so. */
  | { kind: 'late'; item: PendingSheet }
  | { kind: 'refused'; error: ApiError; item?: PendingSheet }
  | { kind: 'scored'; sheet: Sheet }
  | { kind: 'none' };

/**
 * Whether the entry may be scored now under a live round's scoring gate (台上赛): `waiting`
 * before it has been on stage (尚未上台), `past` once it has left the stage (已下台).
 */
type Gate = 'open' | 'waiting' | 'past';

export function entryName(entry: Pick<Entry, 'cadre' | 'unit' | 'title'>): string {
  return entry.cadre?.name ?? entry.unit?.name ?? entry.title;
}

export function JudgeRound({ roundId }: { roundId: string }) {
  const { t, score, time } = useI18n();
  const { data, error, refetch } = useQuery(JudgeRoundDocument, { id: roundId }, { pollMs: 20_000 });
  // The live round's gate and sign-off, read apart so that the page works without them.
  const hall = useQuery(JudgeHallDocument, { id: roundId }, { pollMs: 20_000 });
  const refetchHall = useRef(hall.refetch);
  refetchHall.current = hall.refetch;
  const box = useOutbox();
  const current = useSession();
  const userId = current?.user.id ?? null;
  const seat = current?.seat ?? null;
  // Who is on stage, every 500 ms while scoring is open (paused while the phone is locked or the tab hidden).
  const live = useLivePoll(PhoneLiveStateDocument, { roundId }, { skip: data?.round?.status !== 'OPEN' });
  const liveState = data?.round?.status === 'OPEN' ? (live.data?.liveState ?? null) : null;
  const stageId = liveState?.stage?.entry.id ?? null;
  /** Entries seen on stage from this phone: they have pitched even when the API says nothing of it. */
  const seenOnStage = useRef(new Set<string>());
  /** Whether the open form holds marks not yet submitted. */
  const [dirty, setDirty] = useState(false);
  /** The judge is asked before leaving a form with unsent marks: where to, and whether the stage moved. */
  const [leaving, setLeaving] = useState<{ to: string; stage: boolean } | null>(null);
  /** The judge chose to finish the open form first: go to the stage once it is submitted. */
  const followAfterSubmit = useRef(false);
  /** The form changed because the stage did: bring its top into view (the judge may be scrolled down to the submit bar). */
  const followScroll = useRef(false);
  /** Sheets the API acknowledged since the round was last read. */
  const [acked, setAcked] = useState<Record<string, Sheet>>({});
  /** Submissions the API refused for good, by entry. */
  const [refusals, setRefusals] = useState<Record<string, { error: ApiError; item?: PendingSheet }>>({});
  // The chosen entry lives in the address, so a reload (or a shared link) keeps it.
  const { query } = useLocation();
  const selectedId = query.get('entry');
  const setSelectedId = useCallback(
    (id: string) => navigate(`/judge/rounds/${encodeURIComponent(roundId)}?entry=${encodeURIComponent(id)}`, { replace: true }),
    [roundId],
  );

  useEffect(
    () =>
      box.onOutcome((outcome) => {
        if (outcome.item.roundId !== roundId) return;
        const entryId = outcome.item.entryId;
        if (outcome.kind === 'acknowledged') {
          setAcked((a) => ({ ...a, [entryId]: outcome.sheet }));
          setRefusals(({ [entryId]: _, ...rest }) => rest);
          // A changed sheet voids a sign-off given before it.
          void refetchHall.current();
        } else if (outcome.item.closedOut) {
          // The outbox keeps it (state 'late'); the round has closed, so read its status again.
          void refetch();
        } else {
          setRefusals((r) => ({ ...r, [entryId]: { error: outcome.error, item: outcome.item } }));
        }
      }),
    [box, roundId, refetch],
  );

  const round = data?.round ?? null;
  const entries = round?.entries ?? [];
  const queued = box.snapshot();

  const stateOf = useCallback(
    (entry: Entry): EntryState => {
      const item = box
        .pending(userId)
        .filter((i) => i.roundId === roundId)
        .reverse()
        .find((i) => i.entryId === entry.id);
      if (item) return { kind: 'pending', item, sending: box.isSending(item.clientRequestId) };
      const late = box
        .closedOut(userId)
        .filter((i) => i.roundId === roundId)
        .reverse()
        .find((i) => i.entryId === entry.id);
      if (late) return { kind: 'late', item: late };
      const refusal = refusals[entry.id] ?? (entry.myConflict ? conflictRefusal(entry.myConflict) : undefined);
      if (refusal) return { kind: 'refused', ...refusal };
      const server = entry.mySheet;
      const local = acked[entry.id];
      const sheet = local && (!server || local.version >= server.version) ? local : server;
      return sheet ? { kind: 'scored', sheet } : { kind: 'none' };
    },
    // `queued` changes whenever the outbox does.
    [queued, refusals, acked, box, userId, roundId],
  );

  const hallEntries = useMemo(() => new Map((hall.data?.round?.entries ?? []).map((e) => [e.id, e])), [hall.data]);
  const gateOf = useCallback(
    (entry: Entry): Gate => {
      if (round?.status !== 'OPEN' || entry.id === stageId) return 'open';
      const known = hallEntries.get(entry.id);
      if (!known || known.scoringOpen) return 'open';
      // Closed to scoring: 已下台 once it has been on stage (the API's stagedAt, so after a reload too), else 尚未上台.
      return known.stagedAt || known.pitchStartedAt || known.revealedAt || seenOnStage.current.has(entry.id) ? 'past' : 'waiting';
    },
    [round?.status, stageId, hallEntries],
  );

  /** The entry to score next: the one on stage, else the first in pitch order open to scoring without a sheet from this judge. */
  const currentId = useMemo(
    () => stageId ?? entries.find((e) => stateOf(e).kind === 'none' && gateOf(e) === 'open')?.id ?? null,
    [entries, stateOf, gateOf, stageId],
  );
  const selected = entries.find((e) => e.id === (selectedId ?? currentId)) ?? entries[0] ?? null;

  /** Opens an entry's form; with unsent marks in the open one, asks first. */
  const choose = (id: string, stage = false) => {
    if (id === selected?.id) {
      setLeaving(null);
      return;
    }
    if (dirty) {
      setLeaving({ to: id, stage });
      return;
    }
    setLeaving(null);
    followAfterSubmit.current = false;
    if (stage) followScroll.current = true;
    setSelectedId(id);
  };
  const chooseRef = useRef(choose);
  chooseRef.current = choose;

  // Marks are being typed into the entry shown by default: pin it, so that a new "current"
  // entry (the stage moving on) does not replace the form under the judge's fingers.
  useEffect(() => {
    if (dirty && !selectedId && selected) setSelectedId(selected.id);
  }, [dirty, selectedId, selected, setSelectedId]);

  // The phone follows the stage: a new entry on stage opens its form by itself.
  const lastStage = useRef<string | null>(null);
  useEffect(() => {
    if (!stageId || stageId === lastStage.current) return;
    lastStage.current = stageId;
    seenOnStage.current.add(stageId);
    // Which entries may be scored has changed with the stage.
    void refetchHall.current();
    chooseRef.current(stageId, true);
  }, [stageId]);

  // Scoring closed (or reopened) meanwhile: read the round again now rather than at the next poll.
  const liveStatus = liveState?.round.status;
  useEffect(() => {
    if (!liveStatus || liveStatus === data?.round?.status) return;
    void refetch();
    void refetchHall.current();
    // Dependencies: only a change of the live status matters.
  }, [liveStatus]);

  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-pressed="true"]')?.scrollIntoView({ block: 'nearest', inline: 'center' });
    if (!followScroll.current) return;
    followScroll.current = false;
    const panel = document.querySelector('.score-panel');
    if (panel && panel.getBoundingClientRect().top < 0) panel.scrollIntoView({ block: 'start' });
  }, [selected?.id]);

  if (!round) {
    return (
      <>
        <OutboxPanel />
        {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : <Loading />}
      </>
    );
  }

  const open = round.status === 'OPEN';
  const closed = round.status === 'CLOSED' || round.status === 'PUBLISHED';
  const rubric = panelOf(round)?.rubric ?? null;
  const criterionLabels = Object.fromEntries((rubric?.criteria ?? []).map((c) => [c.key, c.label]));
  const index = selected ? entries.indexOf(selected) : -1;
  const select = (id: string) => choose(id);

  const submit = (entry: Entry, marks: Marks, total: number) => {
    if (!userId) return;
    setRefusals(({ [entry.id]: _, ...rest }) => rest);
    box.enqueue({ userId, roundId, entryId: entry.id, scores: marks.scores, comment: marks.comment, total });
    // The stage moved on while these marks were typed and the judge chose to finish them first: follow it now.
    if ((followAfterSubmit.current || leaving?.stage) && stageId && stageId !== entry.id) {
      followAfterSubmit.current = false;
      followScroll.current = true;
      setLeaving(null);
      setSelectedId(stageId);
    } else {
      // Sent: nothing left to ask about.
      setLeaving(null);
      setSelectedId(entry.id);
    }
  };

  const onStage = stageId ? (entries.find((e) => e.id === stageId) ?? null) : null;
  const leavingTo = leaving ? (entries.find((e) => e.id === leaving.to) ?? null) : null;
  const gateText = (gate: Gate) => (gate === 'past' ? t('live.phone.offStage') : t('live.phone.notYet'));

  // Sign-off (签字确认): once every entry this judge is expected to score has a sheet that arrived.
  const expected = entries.filter((e) => !e.myConflict && !isConflict(stateOf(e)));
  const missed = expected.filter((e) => stateOf(e).kind === 'none');
  const signReady =
    (open || round.status === 'CLOSED') &&
    expected.length > 0 &&
    expected.every((e) => stateOf(e).kind === 'scored' || (stateOf(e).kind === 'none' && gateOf(e) === 'past')) &&
    missed.length < expected.length;
  const signOffs = (hall.data?.round?.signOffs ?? []).filter((s) => s.judge.userId === userId || (seat !== null && s.judge.label === seat.label));
  const latest = signOffs.reduce<(typeof signOffs)[number] | null>((a, b) => (!a || Date.parse(b.at) > Date.parse(a.at) ? b : a), null);
  // A sheet acknowledged after the signature voids it at once, before the API is read again.
  const changedSince = latest ? Object.values(acked).some((sheet) => Date.parse(sheet.submittedAt) > Date.parse(latest.at)) : false;
  const signOff = latest ? { at: latest.at, valid: latest.valid && !changedSince } : null;

  const describe = (entryId: string) => {
    const e = entries.find((x) => x.id === entryId);
    return e ? `${e.order}. ${entryName(e)}` : entryId;
  };

  return (
    <div className="judge">
      <div className="judge-head">
        <div>
          <p className="muted">
            {seat ? (
              <span className="seat-badge" data-testid="seat-badge">
                {t('live.phone.seat', { label: seat.label, name: seat.name })}
              </span>
            ) : (
              <Link to="/judge">{t('judge.title')}</Link>
            )}{' '}
            · {round.competition.name}
          </p>
          <h1>
            {round.name} <StatusBadge status={round.status} />
          </h1>
        </div>
        <p className="judge-progress">{t('judge.progress', { done: entries.filter((e) => stateOf(e).kind === 'scored').length, total: entries.length })}</p>
      </div>
      {round.status === 'DRAFT' ? <Note kind="warn">{t('judge.roundDraft')}</Note> : null}
      {closed ? (
        <Note kind="warn" live>
          {t('judge.roundClosed')}
        </Note>
      ) : null}
      {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {open && live.failures >= 2 ? (
        <Note kind="warn" live>
          {t('live.phone.offline')}
        </Note>
      ) : null}
      <OutboxPanel describe={describe} />
      {leaving && leavingTo && selected ? (
        <LeavePrompt
          stage={leaving.stage}
          to={describe(leavingTo.id)}
          from={describe(selected.id)}
          onStay={() => {
            followAfterSubmit.current = leaving.stage;
            setLeaving(null);
          }}
          onLeave={() => {
            followAfterSubmit.current = false;
            followScroll.current = true;
            setLeaving(null);
            setDirty(false);
            setSelectedId(leaving.to);
          }}
        />
      ) : null}

      <div className="judge-layout">
        <nav className="entry-nav" aria-labelledby="entries-title">
          <h2 id="entries-title" className="visually-hidden-narrow">
            {t('judge.entries')}
          </h2>
          {/* With every entry greyed out (nobody on stage yet) the list still scrolls by keyboard. */}
          <ol className="entry-list" ref={listRef} tabIndex={entries.every((e) => gateOf(e) !== 'open' && stateOf(e).kind === 'none') ? 0 : undefined}>
            {entries.map((entry) => {
              const state = stateOf(entry);
              const isCurrent = entry.id === currentId;
              const gate = gateOf(entry);
              // Not open to scoring and nothing of this judge's to look at: greyed, not opened.
              const locked = gate !== 'open' && state.kind === 'none';
              return (
                <li key={entry.id}>
                  <button
                    type="button"
                    className={`entry-item entry-${locked ? 'locked' : state.kind}${isCurrent ? ' entry-current' : ''}${entry.id === stageId ? ' entry-on-stage' : ''}`}
                    aria-pressed={entry.id === selected?.id}
                    aria-current={isCurrent ? 'step' : undefined}
                    disabled={locked}
                    data-entry-order={entry.order}
                    data-gate={gate}
                    onClick={() => select(entry.id)}
                  >
                    <span className="entry-order">{entry.order}</span>
                    <span className="entry-body">
                      <span className="entry-name">
                        {entryName(entry)}
                        {isCurrent ? <span className="tag tag-current">{entry.id === stageId ? t('live.phone.onStage') : t('judge.current')}</span> : null}
                      </span>
                      <span className="entry-meta">{[entry.cadre?.unit.name ?? entry.unit?.name, entry.group].filter(Boolean).join(' · ')}</span>
                      <span className="entry-state">
                        {entry.id === stageId && state.kind === 'none' ? <span className="entry-stage-mark">{t('live.phone.onStage')}</span> : null}
                        {locked
                          ? gateText(gate)
                          : state.kind === 'scored'
                            ? t('judge.scored', { total: score(state.sheet.total) })
                            : state.kind === 'pending'
                              ? state.sending
                                ? t('judge.sending')
                                : t('judge.pending')
                              : state.kind === 'refused'
                                ? t('judge.refused')
                                : state.kind === 'late'
                                  ? t('judge.closedOut.state')
                                  : entry.id === stageId
                                    ? null
                                    : t('judge.notScored')}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>

        <section className="score-panel" aria-labelledby="entry-title">
          {onStage && selected && onStage.id !== selected.id && !leaving ? (
            <StageStrip who={describe(onStage.id)} onGo={() => choose(onStage.id, true)} />
          ) : null}
          {selected ? (
            <>
              <div className="entry-header">
                <p className="muted">
                  {t('judge.order', { n: selected.order })}
                  {selected.group ? ` · ${selected.group}` : ''}
                </p>
                <h2 id="entry-title">
                  {entryName(selected)}
                  {selected.id === currentId ? (
                    <span className="tag tag-current">{selected.id === stageId ? t('live.phone.onStage') : t('judge.current')}</span>
                  ) : null}
                </h2>
                <p className="entry-unit">{[selected.cadre?.unit.name ?? selected.unit?.name, selected.cadre?.position].filter(Boolean).join(' · ')}</p>
                {selected.title !== entryName(selected) ? <p className="entry-title">{selected.title}</p> : null}
                <div className="row">
                  <button type="button" className="button-small" disabled={index <= 0} onClick={() => select(entries[index - 1]!.id)}>
                    ← {t('judge.previous')}
                  </button>
                  <button type="button" className="button-small" disabled={index >= entries.length - 1} onClick={() => select(entries[index + 1]!.id)}>
                    {t('judge.next')} →
                  </button>
                </div>
              </div>
              {entryStatus(stateOf(selected))}
              {gateOf(selected) !== 'open' ? (
                <Note kind="warn">{gateOf(selected) === 'past' ? t('live.phone.offStageNote') : t('live.phone.notYetNote')}</Note>
              ) : null}
              {rubric && (gateOf(selected) === 'open' || stateOf(selected).kind !== 'none') ? (
                <ScoreForm
                  key={`${selected.id}:${sheetKey(stateOf(selected))}`}
                  criteria={rubric.criteria}
                  maxTotal={rubric.maxTotal}
                  initial={initialMarks(stateOf(selected))}
                  disabled={!open || isConflict(stateOf(selected)) || gateOf(selected) !== 'open'}
                  submitLabel={stateOf(selected).kind === 'scored' ? t('judge.revise') : t('judge.submit')}
                  closedNote={closed ? t('judge.scoringEnded') : gateOf(selected) !== 'open' ? gateText(gateOf(selected)) : undefined}
                  onSubmit={(marks, total) => submit(selected, marks, total)}
                  onDirtyChange={setDirty}
                />
              ) : null}
              {open ? (
                <DeclareConflict
                  entryId={selected.id}
                  onDeclared={() => {
                    const id = selected.id;
                    // The API withdrew any sheet given; from now on the entry is not this judge's to score.
                    setAcked(({ [id]: _, ...rest }) => rest);
                    setRefusals((r) => ({ ...r, [id]: conflictRefusal('CONFLICT_DECLARED') }));
                    setSelectedId(id);
                    void refetch();
                  }}
                />
              ) : null}
            </>
          ) : (
            <Note>{t('judge.pickEntry')}</Note>
          )}
        </section>
      </div>
      {signReady || signOff ? (
        <SignOffPanel
          roundId={roundId}
          ready={signReady}
          signOff={signOff}
          sheets={expected.flatMap((e) => {
            const state = stateOf(e);
            return state.kind === 'scored' ? [{ id: e.id, who: describe(e.id), total: state.sheet.total }] : [];
          })}
          missed={missed.map((e) => describe(e.id))}
          onSigned={() => void hall.refetch()}
        />
      ) : null}
    </div>
  );

  function isConflict(state: EntryState): boolean {
    return state.kind === 'refused' && (state.error.reason ?? '').startsWith('CONFLICT_');
  }

  function refusalText(state: Extract<EntryState, { kind: 'refused' }>): string {
    const message = state.error.reason === 'ROUND_STATUS' ? t('judge.roundClosed') : describeError(t, state.error, { criterionLabels });
    return state.item ? t('judge.rejected', { message }) : message;
  }

  function entryStatus(state: EntryState) {
    switch (state.kind) {
      case 'scored':
        return (
          <Note kind="ok" live>
            {t('judge.submitted', { total: score(state.sheet.total), version: state.sheet.version, time: time(state.sheet.submittedAt) })}
            {/* Revising is only possible while the round is open. */}
            {open ? ` ${t('judge.revisable')}` : ''}
          </Note>
        );
      case 'pending':
        return (
          <Note kind="warn" live>
            {state.item.lastError ? t('judge.queuedOffline') : t('judge.queued')}
          </Note>
        );
      case 'refused':
        return (
          <div className="note note-error" role="alert" data-testid="refusal">
            {refusalText(state)}
          </div>
        );
      case 'late':
        return (
          <div className="note note-error" role="alert" data-testid="refusal">
            {closedOutText(t, state.item)}
          </div>
        );
      default:
        return null;
    }
  }
}

function sheetKey(state: EntryState): string {
  if (state.kind === 'scored') return `v${state.sheet.version}`;
  if ((state.kind === 'pending' || state.kind === 'refused' || state.kind === 'late') && state.item) return state.item.clientRequestId;
  return state.kind;
}

function initialMarks(state: EntryState): Marks | null {
  if (state.kind === 'scored') return { scores: state.sheet.scores, comment: state.sheet.comment };
  if ((state.kind === 'pending' || state.kind === 'refused' || state.kind === 'late') && state.item)
    return { scores: state.item.scores, comment: state.item.comment };
  return null;
}

function DeclareConflict({ entryId, onDeclared }: { entryId: string; onDeclared: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { mutate, pending, error } = useMutation(DeclareConflictDocument);
  return (
    <details className="declare" key={entryId}>
      <summary>{t('judge.declare')}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!reason.trim()) return;
          if (await mutate({ entryId, reason: reason.trim() })) {
            setReason('');
            onDeclared();
          }
        }}
      >
        <div className="field">
          <label htmlFor={`declare-${entryId}`}>{t('judge.declareReason')}</label>
          <input id={`declare-${entryId}`} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
        </div>
        {error ? <ErrorNote error={error} /> : null}
        <button type="submit" className="button-small" disabled={pending || !reason.trim()}>
          {t('judge.declareConfirm')}
        </button>
      </form>
    </details>
  );
}

/** A conflict of interest (回避) the API reported, in the shape of the refusal it would give a submission. */
function conflictRefusal(reason: string) {
  return { error: new ApiError('FORBIDDEN', reason, { errors: [{ message: reason, extensions: { code: 'FORBIDDEN', reason } }] }) };
}
