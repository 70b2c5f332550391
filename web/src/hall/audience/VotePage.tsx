import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import { describeError } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { Loading } from '../../components/ui';
import { AudienceVoteCastDocument, AudienceVotePaperDocument, type AudienceVotePaperQuery } from '../../gql/graphql';
import { type Translate, useI18n } from '../../i18n';
import './audience.css';

type Paper = AudienceVotePaperQuery['ballotPaper'];
type BallotEntry = Paper['entries'][number];

/** How often the paper is read again, so a newly pitched entry appears on its own. */
const PAPER_POLL_MS = 4000;
/** Attendees give whole or half points. */
const STEP = 0.5;

/** A score as people write it: 85, 85.5. */
const points = (value: number) => String(Math.round(value * 10) / 10);

/** Why the typed score cannot be sent, or null when it can (an empty field is not yet a problem). */
function scoreProblem(text: string, max: number): 'range' | 'step' | null {
  if (!text.trim()) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > max) return 'range';
  if (Math.round(value / STEP) * STEP !== value) return 'step';
  return null;
}

/**
 * Why a vote was not taken, in the voting page's own words: a ballot already used for the
 * entry (BALLOT_USED), an entry not yet on stage, a closed round, a link that is no ballot;
 * anything else as errors.ts words it.
 */
function voteErrorText(t: Translate, error: ApiError, score: number | null): string {
  if (error.retryable) return t('audience.vote.network', { score: score === null ? '—' : points(score) });
  if (error.reason === 'BALLOT_USED') return t('audience.vote.used', { score: score === null ? '—' : points(score) });
  if (error.reason === 'NOT_PITCHED') return t('audience.vote.notPitched');
  if (error.reason === 'ROUND_STATUS') return t('audience.vote.ended');
  if (error.code === 'NOT_FOUND') return t('audience.vote.invalid');
  return describeError(t, error);
}

/**
 * The attendee's voting page (`/vote/:token`, from the QR code on a ballot; no sign-in):
 * the round and the audience class, the entry on stage first and highlighted (当前上台),
 * then those who pitched before, most recent first. Each gets a score (slider, ± half a
 * point, or typed) and 投票; a vote is final and then shows as 已投 X 分. The page reads the
 * ballot again every few seconds. On a weak network the typed score stays and 重新提交
 * sends the very same score again, which the API answers with the same receipt if the
 * first attempt did land.
 */
export function VotePage({ token }: { token: string }) {
  const { t } = useI18n();
  const id = useId();
  // Read every few seconds until there is nothing more to vote on: a link that is no ballot, a closed round.
  const [done, setDone] = useState(false);
  const query = useQuery(AudienceVotePaperDocument, { token }, { pollMs: done ? undefined : PAPER_POLL_MS });
  const paper = query.data?.ballotPaper;
  const finished = (query.error?.code === 'NOT_FOUND' && !paper) || (paper !== undefined && isOver(paper.roundStatus));
  useEffect(() => {
    if (finished) setDone(true);
  }, [finished]);

  if (!paper) {
    if (query.error && !query.error.retryable) {
      return (
        <section className="vote" aria-labelledby={`${id}-title`}>
          <h1 id={`${id}-title`}>{t('audience.vote.kicker')}</h1>
          <div className="note note-error vote-problem" role="alert" data-testid="vote-invalid">
            {query.error.code === 'NOT_FOUND' ? t('audience.vote.invalid') : describeError(t, query.error)}
          </div>
        </section>
      );
    }
    return (
      <section className="vote">
        {query.error ? (
          <div className="note note-warn" role="status">
            {t('audience.vote.offline')}
          </div>
        ) : (
          <Loading />
        )}
      </section>
    );
  }

  // Once voting has ended nobody is 当前上台 for the audience any more.
  const onStage = (paper.open && paper.entries.find((e) => e.id === paper.onStageEntryId)) || null;
  const earlier = paper.entries.filter((e) => e !== onStage).sort((a, b) => b.order - a.order);
  const ended = isOver(paper.roundStatus);
  const notStarted = paper.roundStatus === 'DRAFT';
  return (
    <section className="vote" aria-labelledby={`${id}-title`} data-testid="vote-page">
      <header className="vote-head">
        <p className="vote-competition">{paper.competitionName}</p>
        <h1 id={`${id}-title`}>{paper.roundName}</h1>
        <p className="vote-class">
          <span className="vote-class-label">{paper.classLabel}</span>
          <span>{t('audience.vote.scale', { max: points(paper.maxScore) })}</span>
        </p>
      </header>
      {query.error?.retryable ? (
        <div className="note note-warn" role="status">
          {t('audience.vote.offline')}
        </div>
      ) : null}
      {ended ? (
        <div className="note note-info vote-ended" role="status" data-testid="vote-ended">
          {t('audience.vote.ended')}
        </div>
      ) : null}
      {notStarted ? (
        <div className="note note-info" role="status">
          {t('audience.vote.notStarted')}
        </div>
      ) : null}
      {paper.open ? <p className="vote-lead">{t('audience.vote.lead')}</p> : null}
      {paper.open && paper.entries.length === 0 ? (
        <p className="vote-empty" role="status">
          {t('audience.vote.nobody')}
        </p>
      ) : null}
      <ol className="vote-entries">
        {(onStage ? [onStage, ...earlier] : earlier).map((entry) => (
          <li key={entry.id}>
            <VoteCard
              token={token}
              entry={entry}
              maxScore={paper.maxScore}
              onStage={entry === onStage}
              open={paper.open}
              onAnswered={() => void query.refetch()}
            />
          </li>
        ))}
      </ol>
      {paper.open && paper.entries.length > 0 ? <p className="vote-help muted">{t('audience.vote.help')}</p> : null}
    </section>
  );
}

function VoteCard({
  token,
  entry,
  maxScore,
  onStage,
  open,
  onAnswered,
}: {
  token: string;
  entry: BallotEntry;
  maxScore: number;
  onStage: boolean;
  open: boolean;
  onAnswered: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [receipt, setReceipt] = useState<number | null>(null);
  const [pending, setPending] = useState(false);
  /** The score of the last attempt that got no answer: 重新提交 sends the very same score. */
  const [unsent, setUnsent] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ error: ApiError; score: number } | null>(null);
  const voted = entry.myScore ?? receipt;
  const name = entry.cadreName ?? entry.title;
  const about = [entry.cadreName ? entry.unitName : null, entry.cadreName ? entry.title : null].filter(Boolean).join(' · ');
  const problem = scoreProblem(text, maxScore);
  const value = text.trim() && !problem ? Number(text) : null;
  const retrying = unsent !== null && value === unsent;

  const send = async (score: number) => {
    setPending(true);
    setFailure(null);
    try {
      const answer = await request(AudienceVoteCastDocument, { token, entryId: entry.id, score });
      setReceipt(answer.castBallot.score);
      setUnsent(null);
      onAnswered();
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError('UNKNOWN', String(caught));
      setFailure({ error, score });
      // No answer: keep the score for 重新提交. An answer (already voted, closed): read the ballot again.
      if (error.retryable) setUnsent(score);
      else {
        setUnsent(null);
        onAnswered();
      }
    } finally {
      setPending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value === null || pending) return;
    void send(value);
  };
  const nudge = (by: number) => {
    const from = value ?? (text.trim() ? null : maxScore / 2);
    if (from === null) return;
    setText(points(Math.min(maxScore, Math.max(0, Math.round((from + by) / STEP) * STEP))));
  };

  const errorNote = failure ? (
    <div className={`note ${failure.error.retryable ? 'note-warn' : 'note-error'} vote-error`} role="alert" data-testid="vote-error">
      {voteErrorText(t, failure.error, failure.score)}
    </div>
  ) : null;
  const titleId = `${id}-name`;
  return (
    <article
      className={`vote-card${onStage ? ' vote-card-stage' : ''}${voted !== null ? ' vote-card-done' : ''}`}
      aria-labelledby={titleId}
      data-entry={entry.id}
      data-testid="vote-card"
    >
      <div className="vote-card-head">
        {onStage ? <span className="vote-stage-badge">{t('audience.vote.onStage')}</span> : null}
        <h2 id={titleId} className="vote-name">
          <span className="vote-order">{t('audience.vote.order', { n: entry.order })}</span>
          {name}
        </h2>
        {about ? <p className="vote-about">{about}</p> : null}
      </div>
      {voted !== null ? (
        <>
          {errorNote}
          <p className="vote-done" data-testid="vote-done">
            <span aria-hidden="true">✓ </span>
            {t('audience.vote.done', { score: points(voted) })}
          </p>
        </>
      ) : !open ? (
        <>
          {errorNote}
          <p className="vote-missed">{t('audience.vote.missed')}</p>
        </>
      ) : (
        <form className="vote-form" onSubmit={submit} noValidate>
          <label htmlFor={`${id}-score`} className="vote-label">
            {t('audience.vote.score', { max: points(maxScore) })}
          </label>
          <div className="vote-stepper">
            <button type="button" className="vote-nudge" aria-label={t('audience.vote.less')} disabled={pending || value === 0} onClick={() => nudge(-STEP)}>
              −
            </button>
            <input
              id={`${id}-score`}
              className="vote-score"
              type="number"
              inputMode="decimal"
              min={0}
              max={maxScore}
              step={STEP}
              value={text}
              placeholder="—"
              aria-invalid={problem !== null || undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              readOnly={pending}
              onChange={(e) => setText(e.target.value)}
            />
            <button
              type="button"
              className="vote-nudge"
              aria-label={t('audience.vote.more')}
              disabled={pending || value === maxScore}
              onClick={() => nudge(STEP)}
            >
              +
            </button>
          </div>
          <input
            className={`vote-slider${value === null ? ' vote-slider-unset' : ''}`}
            type="range"
            min={0}
            max={maxScore}
            step={STEP}
            value={value ?? maxScore / 2}
            aria-label={t('audience.vote.slider', { max: points(maxScore) })}
            aria-valuetext={value === null ? t('audience.vote.sliderUnset') : t('audience.vote.points', { score: points(value) })}
            disabled={pending}
            onChange={(e) => setText(points(Number(e.target.value)))}
          />
          {problem ? (
            <p id={`${id}-problem`} className="field-error">
              {problem === 'range' ? t('audience.vote.range', { max: points(maxScore) }) : t('audience.vote.step')}
            </p>
          ) : null}
          {errorNote}
          <button type="submit" className="button-primary vote-submit" disabled={pending || value === null}>
            {pending ? t('audience.vote.sending') : retrying ? t('audience.vote.retry') : t('audience.vote.submit')}
          </button>
          <p className="vote-final">{value === null ? t('audience.vote.pick') : t('audience.vote.final', { score: points(value) })}</p>
        </form>
      )}
    </article>
  );
}

/** The round has closed (or been published): no more votes, whatever is on stage. */
function isOver(status: string): boolean {
  return status === 'CLOSED' || status === 'PUBLISHED';
}
