import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { describeError } from '../api/errors';
import { useMutation, useQuery } from '../api/hooks';
import { panelOf } from '../api/method';
import { session } from '../auth/session';
import { ErrorNote, Loading, Note, StatusBadge } from '../components/ui';
import { DeclareConflictDocument, JudgeRoundDocument, type JudgeRoundQuery } from '../gql/graphql';
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

export function entryName(entry: Pick<Entry, 'cadre' | 'unit' | 'title'>): string {
  return entry.cadre?.name ?? entry.unit?.name ?? entry.title;
}

export function JudgeRound({ roundId }: { roundId: string }) {
  const { t, score, time } = useI18n();
  const { data, error, refetch } = useQuery(JudgeRoundDocument, { id: roundId }, { pollMs: 20_000 });
  const box = useOutbox();
  const userId = session.get()?.user.id ?? null;
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

  /** The entry to score next: the first in pitch order without a sheet from this judge. */
  const currentId = useMemo(() => entries.find((e) => stateOf(e).kind === 'none')?.id ?? null, [entries, stateOf]);
  const selected = entries.find((e) => e.id === (selectedId ?? currentId)) ?? entries[0] ?? null;

  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-pressed="true"]')?.scrollIntoView({ block: 'nearest', inline: 'center' });
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
  const select = (id: string) => setSelectedId(id);

  const submit = (entry: Entry, marks: Marks, total: number) => {
    if (!userId) return;
    setRefusals(({ [entry.id]: _, ...rest }) => rest);
    setSelectedId(entry.id);
    box.enqueue({ userId, roundId, entryId: entry.id, scores: marks.scores, comment: marks.comment, total });
  };

  const describe = (entryId: string) => {
    const e = entries.find((x) => x.id === entryId);
    return e ? `${e.order}. ${entryName(e)}` : entryId;
  };

  return (
    <div className="judge">
      <div className="judge-head">
        <div>
          <p className="muted">
            <Link to="/judge">{t('judge.title')}</Link> · {round.competition.name}
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
      <OutboxPanel describe={describe} />

      <div className="judge-layout">
        <nav className="entry-nav" aria-labelledby="entries-title">
          <h2 id="entries-title" className="visually-hidden-narrow">
            {t('judge.entries')}
          </h2>
          <ol className="entry-list" ref={listRef}>
            {entries.map((entry) => {
              const state = stateOf(entry);
              const isCurrent = entry.id === currentId;
              return (
                <li key={entry.id}>
                  <button
                    type="button"
                    className={`entry-item entry-${state.kind}${isCurrent ? ' entry-current' : ''}`}
                    aria-pressed={entry.id === selected?.id}
                    aria-current={isCurrent ? 'step' : undefined}
                    data-entry-order={entry.order}
                    onClick={() => select(entry.id)}
                  >
                    <span className="entry-order">{entry.order}</span>
                    <span className="entry-body">
                      <span className="entry-name">
                        {entryName(entry)}
                        {isCurrent ? <span className="tag tag-current">{t('judge.current')}</span> : null}
                      </span>
                      <span className="entry-meta">{[entry.cadre?.unit.name ?? entry.unit?.name, entry.group].filter(Boolean).join(' · ')}</span>
                      <span className="entry-state">
                        {state.kind === 'scored'
                          ? t('judge.scored', { total: score(state.sheet.total) })
                          : state.kind === 'pending'
                            ? state.sending
                              ? t('judge.sending')
                              : t('judge.pending')
                            : state.kind === 'refused'
                              ? t('judge.refused')
                              : state.kind === 'late'
                                ? t('judge.closedOut.state')
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
          {selected ? (
            <>
              <div className="entry-header">
                <p className="muted">
                  {t('judge.order', { n: selected.order })}
                  {selected.group ? ` · ${selected.group}` : ''}
                </p>
                <h2 id="entry-title">
                  {entryName(selected)}
                  {selected.id === currentId ? <span className="tag tag-current">{t('judge.current')}</span> : null}
                </h2>
                <p className="entry-unit">{[selected.cadre?.unit.name ?? selected.unit?.name, selected.cadre?.position].filter(Boolean).join(' · ')}</p>
                <p className="entry-title">{selected.title}</p>
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
              {rubric ? (
                <ScoreForm
                  key={`${selected.id}:${sheetKey(stateOf(selected))}`}
                  criteria={rubric.criteria}
                  maxTotal={rubric.maxTotal}
                  initial={initialMarks(stateOf(selected))}
                  disabled={!open || isConflict(stateOf(selected))}
                  submitLabel={stateOf(selected).kind === 'scored' ? t('judge.revise') : t('judge.submit')}
                  closedNote={closed ? t('judge.scoringEnded') : undefined}
                  onSubmit={(marks, total) => submit(selected, marks, total)}
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
