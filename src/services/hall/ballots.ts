import { randomInt } from 'node:crypto';
import { canonical, dec } from '../../domain/decimal.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, issue, type FieldIssue } from '../../domain/errors.js';
import { ROUND_ID, parseEntryId } from '../../domain/ids.js';
import { assertStatus } from '../../domain/lifecycle.js';
import type { Round } from '../../domain/model.js';
import type { Decimal } from '../../domain/primitives.js';
import { panelEntry } from '../../methods/panel/aggregate.js';
import { asPanelRound, type PanelConfig } from '../../methods/panel/config.js';
import { panelScoring, withAggregate } from '../../methods/panel/roundScoring.js';
import { isAudience, type PanelClass } from '../../methods/panel/rule.js';
import type { Tally } from '../../methods/panel/scoring.js';
import type { Ballot, BallotVote } from '../../store/ballots.js';
import type { StoredEntry } from '../../store/entries.js';
import type { Store } from '../../store/index.js';
import { RaceLost, isLostRaceOrConflict, retrying } from '../../store/ops.js';
import type { RoundService } from '../rounds.js';
import { count, finite, parseArgument } from '../validation.js';

/** Ballot codes avoid letters and digits people misread; 12 of 31 symbols is about 59 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;
export const BALLOTS_PER_CALL = 2000;
/** Attendees give whole or half points. */
const BALLOT_STEP = '0.5';

/** What a ballot's holder reads: the round, the audience class and the entries that have pitched. */
export interface BallotPaper {
  round: Round<PanelConfig>;
  audience: PanelClass;
  entries: StoredEntry[];
  onStageEntryId: string | null;
  votes: Map<string, Decimal>;
}

/** What an AUDIENCE class's result rewrites on an entry. */
const AUDIENCE_ATTRIBUTES = ['audience', 'rawTotal', 'total', 'classResults'] as const;

/**
 * Audience ballots (群众评委): single-use ballot codes for attendees; each ballot votes
 * once per entry, only for entries that have been on stage, while the round is open.
 * A vote ADDs to a shard of the entry's tally in the same request that stores it, so
 * three hundred phones voting at once never meet on one item; the tallies are folded into
 * the entries' results when an entry is revealed and when the round closes.
 */
export class BallotService {
  constructor(
    private readonly store: Store,
    private readonly rounds: RoundService,
    private readonly now: () => Date,
  ) {}

  async create(viewerId: string, roundId: string, howMany: unknown): Promise<{ token: string }[]> {
    const n = parseArgument(count(1, BALLOTS_PER_CALL), howMany, 'count');
    const round = asPanelRound(await this.rounds.requireRound(roundId, true));
    audienceOf(round, 'roundId');
    assertStatus(round.status, ['DRAFT', 'OPEN'], 'issue ballots');
    const createdAt = this.now().toISOString();
    const ballots: Ballot[] = Array.from({ length: n }, () => ({ roundId, code: newCode(), createdAt, createdBy: viewerId }));
    await this.store.ballots.putBallots(ballots);
    return ballots.map((b) => ({ token: tokenOf(b) }));
  }

  async paper(token: string): Promise<BallotPaper> {
    const { roundId, code } = parseBallotToken(token);
    const [ballot, round] = await Promise.all([this.store.ballots.getBallot(roundId, code), this.store.rounds.getRound(roundId)]);
    if (!ballot || !round) throw new NotFoundError('Ballot', token, 'token');
    const panelRound = asPanelRound(round);
    const [entries, hall, votes] = await Promise.all([
      this.store.entries.listEntries(roundId),
      this.store.hall.getHall(roundId),
      this.store.ballots.votesOf(roundId, code),
    ]);
    return {
      round: panelRound,
      audience: audienceOf(panelRound, 'token'),
      entries: entries.filter((e) => e.stagedAt).sort((a, b) => a.order - b.order),
      onStageEntryId: hall.stage?.entryId ?? null,
      votes: new Map(votes.map((v) => [v.entryId, v.score])),
    };
  }

  /**
   * One vote: the round is read for its scale, then one transaction stores the vote and
   * adds it to a tally shard. A phone that sends the same vote again (its answer was
   * lost) gets the same receipt; a different score for an entry already voted is refused.
   */
  async cast(token: string, entryId: string, score: unknown): Promise<{ entryId: string; score: Decimal }> {
    const { roundId, code } = parseBallotToken(token);
    const entry = parseEntryId(entryId, 'entryId');
    if (entry.roundId !== roundId) throw new NotFoundError('Entry', entryId, 'entryId');
    const round = await this.store.rounds.getRound(roundId);
    if (!round) throw new NotFoundError('Ballot', token, 'token');
    const panelRound = asPanelRound(round);
    audienceOf(panelRound, 'token');
    const value = ballotScore(parseArgument(finite, score, 'score'), panelRound.method.rubric.maxTotal);
    const vote: BallotVote = { roundId, code, entryId, score: value, at: this.now().toISOString() };
    const outcome = await this.store.ballots.cast(vote, entry);
    if (outcome.ok) return { entryId, score: value };
    switch (outcome.reason) {
      case 'UNKNOWN_BALLOT':
        throw new NotFoundError('Ballot', token, 'token');
      case 'NOT_PITCHED':
        throw new ForbiddenError('This entry has not been on stage yet', 'NOT_PITCHED');
      case 'ROUND_NOT_OPEN':
        throw new ConflictError(`The round is ${round.status === 'OPEN' ? 'no longer open' : round.status}`, 'ROUND_STATUS');
      case 'ALREADY_VOTED': {
        const earlier = (await this.store.ballots.votesOf(roundId, code)).find((v) => v.entryId === entryId);
        if (earlier && dec(earlier.score).eq(value)) return { entryId, score: earlier.score };
        throw new ConflictError('This ballot has already voted for this entry', 'BALLOT_USED');
      }
    }
  }

  /** The counters' tally per entry of the round, in pitch order (organizers watch votes arrive). */
  async tallies(roundId: string): Promise<{ entry: StoredEntry; tally: Tally }[]> {
    const round = asPanelRound(await this.rounds.requireRound(roundId));
    audienceOf(round, 'roundId');
    const entries = (await this.store.entries.listEntries(roundId)).sort((a, b) => a.order - b.order);
    const tallies = await this.store.ballots.tallies(entries.map((e) => e.id));
    return entries.map((entry) => ({ entry, tally: tallies.get(entry.id)! }));
  }

  /**
   * Folds an entry's tally into its result (before its reveal), under the entry's
   * version: a judge's sheet landing meanwhile makes this retry on the fresh entry.
   * Returns the entry as it now stands (unchanged, with no audience class or nothing new).
   */
  async fold(round: Round<PanelConfig>, entry: StoredEntry): Promise<StoredEntry> {
    if (!(round.method.classes ?? []).some(isAudience)) return entry;
    const tally = (await this.store.ballots.tallies([entry.id])).get(entry.id)!;
    let current = entry;
    return retrying(async () => {
      const panel = panelEntry(current);
      if (panel.audience.count === tally.count && dec(panel.audience.sum).eq(tally.sum)) return current;
      const next = { ...withAggregate(round.method, { ...panel, audience: tally }, panel.normalized), version: current.version + 1 } as StoredEntry;
      const outcome = await this.store.ballots.foldTally(next, panelScoring(round.method).rankValue, AUDIENCE_ATTRIBUTES);
      if (outcome.ok) return next;
      // A sheet landed meanwhile: fold into the entry as it now is.
      const [fresh] = await this.store.entries.getEntries([{ roundId: entry.roundId, keyPart: entry.keyPart }], true);
      if (!fresh) throw new NotFoundError('Entry', entry.id);
      current = fresh;
      throw new RaceLost();
    }, isLostRaceOrConflict);
  }
}

/** The round's audience class; a round without one takes no ballots. */
function audienceOf(round: Round<PanelConfig>, field: string): PanelClass {
  const audience = (round.method.classes ?? []).find(isAudience);
  if (!audience) throw new ConflictError(`The round has no audience class (${field}): add a class with source AUDIENCE`, 'WRONG_METHOD');
  return audience;
}

function ballotScore(value: number, maxTotal: Decimal): Decimal {
  const score = dec(value);
  const problem: FieldIssue | null = score.lt(0)
    ? issue('score', 'TOO_SMALL', `must lie in [0, ${maxTotal}]`, { minimum: 0 })
    : score.gt(maxTotal)
      ? issue('score', 'ABOVE_MAX_SCORE', `must lie in [0, ${maxTotal}]`, { maximum: maxTotal })
      : !score.mod(dec(BALLOT_STEP)).eq(0)
        ? issue('score', 'NOT_MULTIPLE_OF_STEP', `must be a multiple of ${BALLOT_STEP}`, { step: BALLOT_STEP })
        : null;
  if (problem) throw new InvalidInputError([problem]);
  return canonical(score);
}

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** `<roundId>~<code>`: the round is in the token, so a vote needs no lookup to find it. */
export const tokenOf = (ballot: Pick<Ballot, 'roundId' | 'code'>) => `${ballot.roundId}~${ballot.code}`;

export function parseBallotToken(token: string): { roundId: string; code: string } {
  const [roundId = '', code = ''] = token.split('~');
  if (!ROUND_ID.test(roundId) || code.length !== CODE_LENGTH || ![...code].every((c) => CODE_ALPHABET.includes(c))) {
    throw new NotFoundError('Ballot', token.slice(0, 80), 'token');
  }
  return { roundId, code };
}
