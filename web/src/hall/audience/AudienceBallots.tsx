import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import {
  AudienceConsoleCreateBallotsDocument,
  AudienceConsoleRoundDocument,
  AudienceConsoleTalliesDocument,
  type AudienceConsoleRoundQuery,
  type AudienceConsoleTalliesQuery,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { BallotSheet } from './BallotSheet';
import { type BallotBatch, batchesOf, keepBatch, MAX_BALLOTS_PER_CALL } from './batches';
import './audience.css';

type AudienceRound = NonNullable<AudienceConsoleRoundQuery['round']>;
type Tally = AudienceConsoleTalliesQuery['ballotTallies'][number];

/** How often the tallies are read while the tab is open. */
const TALLY_POLL_MS = 4000;
/** What the form proposes: about a hall's audience; the organizer types the real number. */
const DEFAULT_COUNT = 100;

/** The round's audience class and scale, or null when no class is voted by the audience. */
export function audienceOf(round: AudienceRound): { label: string; weight: number; maxScore: number } | null {
  if (round.method.__typename !== 'PanelMethod') return null;
  const audience = round.method.classes.find((c) => c.source === 'AUDIENCE');
  return audience ? { label: audience.label, weight: audience.weight, maxScore: round.method.rubric.maxTotal } : null;
}

/**
 * 群众投票: single-use ballots for the attendees of a round with an audience class
 * (群众评委). The organizer issues a number of ballots and prints them at once as a sheet
 * of QR cards: the API hands each ballot's secret out only when it is created, so the
 * batches made since the page was opened are kept (in memory) for printing and reprinting,
 * and the page says so. Below, the ballots counted per entry and their mean, read every
 * few seconds.
 */
export function AudienceBallots({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const query = useQuery(AudienceConsoleRoundDocument, { id: roundId });
  const round = query.data?.round;
  const [batches, setBatches] = useState<BallotBatch[]>(() => batchesOf(roundId));
  const [printing, setPrinting] = useState<BallotBatch | null>(null);
  if (!round) return query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : <Loading />;
  const audience = audienceOf(round);
  if (!audience) return <Note>{t('audience.console.noClass')}</Note>;
  const canIssue = round.status === 'DRAFT' || round.status === 'OPEN';
  const percent = Math.round(audience.weight * 1000) / 10;

  const created = (batch: BallotBatch) => {
    setBatches(keepBatch(roundId, batch));
  };

  return (
    <section className="hall-section audience" aria-labelledby="audience-title" data-testid="audience">
      <div className="section-head">
        <h3 id="audience-title">{t('audience.console.title', { label: audience.label })}</h3>
      </div>
      <p className="muted small">{t('audience.console.intro', { label: audience.label, percent, max: audience.maxScore })}</p>

      {canIssue ? (
        <IssueBallots roundId={roundId} onCreated={created} />
      ) : (
        <Note>{t(round.status === 'CLOSED' ? 'audience.console.closed' : 'audience.console.published')}</Note>
      )}
      {batches.length > 0 ? <Batches batches={batches} onPrint={setPrinting} /> : null}

      <Tallies roundId={roundId} label={audience.label} live={round.status === 'OPEN'} />

      {printing ? (
        <BallotSheet
          batch={printing}
          roundName={round.name}
          competitionName={round.competition.name}
          classLabel={audience.label}
          onClose={() => setPrinting(null)}
        />
      ) : null}
    </section>
  );
}

function IssueBallots({ roundId, onCreated }: { roundId: string; onCreated: (batch: BallotBatch) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [count, setCount] = useState(String(DEFAULT_COUNT));
  const { mutate, pending, error, reset } = useMutation(AudienceConsoleCreateBallotsDocument);
  const n = Number(count);
  const valid = Number.isInteger(n) && n >= 1 && n <= MAX_BALLOTS_PER_CALL;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid || pending) return;
    const answer = await mutate({ roundId, count: n });
    if (answer) onCreated({ roundId, createdAt: Date.now(), ballots: answer.createBallots });
  };

  return (
    <form className="audience-issue" onSubmit={submit} aria-label={t('audience.console.issue')}>
      <label htmlFor={`${id}-count`} className="audience-issue-label">
        {t('audience.console.count')}
      </label>
      <div className="audience-issue-row">
        <input
          id={`${id}-count`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_BALLOTS_PER_CALL}
          step={1}
          value={count}
          aria-invalid={!valid || undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setCount(e.target.value);
            reset();
          }}
        />
        <button type="submit" className="button-primary" disabled={pending || !valid}>
          {pending ? t('audience.console.issuing') : t('audience.console.issue')}
        </button>
      </div>
      <p id={`${id}-hint`} className={valid ? 'muted small' : 'field-error'}>
        {t('audience.console.countHint', { max: MAX_BALLOTS_PER_CALL })}
      </p>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

/** The batches issued since the page was opened: the newest first, each printable again until the page is left. */
function Batches({ batches, onPrint }: { batches: readonly BallotBatch[]; onPrint: (batch: BallotBatch) => void }) {
  const { t, time } = useI18n();
  const [latest, ...earlier] = [...batches].reverse();
  if (!latest) return null;
  return (
    <div className="audience-batches" data-testid="ballot-batches">
      <div className="note note-warn audience-once" role="status">
        <p>
          <strong>{t('audience.console.created', { n: latest.ballots.length, time: time(latest.createdAt) })}</strong>
          <br />
          {t('audience.console.printNow')}
        </p>
        <button type="button" className="button-primary" onClick={() => onPrint(latest)}>
          {t('audience.console.print', { n: latest.ballots.length })}
        </button>
      </div>
      {earlier.length > 0 ? (
        <ul className="audience-earlier">
          {earlier.map((batch) => (
            <li key={batch.createdAt}>
              <span>{t('audience.console.earlier', { n: batch.ballots.length, time: time(batch.createdAt) })}</span>
              <button
                type="button"
                className="button-small"
                aria-label={t('audience.console.printEarlierLabel', { n: batch.ballots.length, time: time(batch.createdAt) })}
                onClick={() => onPrint(batch)}
              >
                {t('audience.console.printEarlier')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What state an entry is in for the audience: on stage now, pitched (votes open), not yet on stage. */
function stateOf(tally: Tally, onStage: string | null): 'stage' | 'pitched' | 'waiting' {
  if (tally.entry.id === onStage) return 'stage';
  return tally.entry.stagedAt ? 'pitched' : 'waiting';
}

function Tallies({ roundId, label, live }: { roundId: string; label: string; live: boolean }) {
  const { t, score, time } = useI18n();
  const query = useQuery(AudienceConsoleTalliesDocument, { roundId }, { pollMs: live ? TALLY_POLL_MS : undefined });
  const tallies = query.data?.ballotTallies;
  const onStage = query.data?.liveState.stage?.entry?.id ?? null;
  const votes = tallies?.reduce((sum, x) => sum + x.count, 0) ?? 0;
  return (
    <section className="audience-tallies" aria-labelledby="audience-tallies-title">
      <div className="section-head">
        <h4 id="audience-tallies-title">{t('audience.tally.title', { label })}</h4>
        {query.updatedAt ? (
          <span className="muted small" data-testid="tally-updated">
            {live ? t('audience.tally.updatedLive', { time: time(query.updatedAt) }) : t('audience.tally.updated', { time: time(query.updatedAt) })}
          </span>
        ) : null}
      </div>
      {query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!tallies ? (
        query.error ? null : (
          <Loading />
        )
      ) : tallies.length === 0 ? (
        <p className="muted">{t('audience.tally.noEntries')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table audience-tally-table" data-testid="tally-table">
            <caption className="visually-hidden">{t('audience.tally.caption', { n: votes })}</caption>
            <thead>
              <tr>
                <th scope="col" className="order">
                  {t('audience.tally.col.order')}
                </th>
                <th scope="col">{t('audience.tally.col.entry')}</th>
                <th scope="col">{t('audience.tally.col.state')}</th>
                <th scope="col" className="num">
                  {t('audience.tally.col.count')}
                </th>
                <th scope="col" className="num">
                  {t('audience.tally.col.mean')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tallies.map((tally) => {
                const state = stateOf(tally, onStage);
                const name = tally.entry.cadre?.name ?? tally.entry.unit?.name ?? tally.entry.title;
                return (
                  <tr key={tally.entry.id} data-entry={tally.entry.id} className={state === 'stage' ? 'audience-row-stage' : undefined}>
                    <td className="order">{tally.entry.order}</td>
                    <th scope="row">
                      {name}
                      {tally.entry.cadre && tally.entry.unit ? <span className="muted small"> {tally.entry.unit.name}</span> : null}
                    </th>
                    <td>
                      <span className={`audience-state audience-state-${state}`}>{t(`audience.tally.state.${state}`)}</span>
                    </td>
                    <td className="num" data-testid="tally-count">
                      {tally.count}
                    </td>
                    <td className="num" data-testid="tally-mean">
                      {score(tally.mean)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('audience.tally.total')}
                </th>
                <td className="num" data-testid="tally-votes">
                  {votes}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="muted small">{t('audience.tally.legend')}</p>
    </section>
  );
}
