import Papa from 'papaparse';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import {
  ConsoleHallCreateSeatsDocument,
  ConsoleHallReissueSeatDocument,
  ConsoleHallRevokeSeatDocument,
  ConsoleHallSeatsDocument,
  ConsoleHallUnitsDocument,
  type ConsoleHallSeatsQuery,
  type JudgeSeatInput,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ConfirmAction } from '../../organizer/round/fields';
import { Link } from '../../router';
import { seatCardsPath } from './paths';

type SeatRound = NonNullable<ConsoleHallSeatsQuery['round']>;
type Seat = SeatRound['seats'][number];
type PanelClass = { key: string; label: string };

/** Classes of the round's panel that judges sit in (empty: one panel); the audience votes with ballots instead. */
function classesOf(round: SeatRound): PanelClass[] {
  return round.method.__typename === 'PanelMethod' ? round.method.classes.filter((c) => c.source !== 'AUDIENCE') : [];
}

interface PastedSeat {
  line: number;
  input: JudgeSeatInput;
  problem: 'unit' | 'class' | null;
  unitName: string;
  classLabel: string;
}

/**
 * One judge a line: 姓名, or 姓名,单位, or 姓名,单位,评委组 (comma, 、 or tab), as copied
 * from a spreadsheet or typed. Units and classes are matched by name or label.
 */
function parsePasted(text: string, units: readonly { id: string; name: string }[], classes: readonly PanelClass[]): PastedSeat[] {
  const rows = Papa.parse<string[]>(text.trim().replace(/[，、]/g, ','), { skipEmptyLines: 'greedy' }).data;
  return rows
    .map((cells, i) => ({ cells: cells.map((c) => c.trim()), line: i + 1 }))
    .filter(({ cells }) => cells[0])
    .map(({ cells, line }) => {
      const [name = '', unitName = '', classLabel = ''] = cells;
      const unit = unitName ? units.find((u) => u.name === unitName) : undefined;
      const cls = classLabel ? classes.find((c) => c.label === classLabel || c.key === classLabel) : undefined;
      const problem = unitName && !unit ? 'unit' : classLabel && !cls ? 'class' : null;
      return { line, unitName, classLabel, problem, input: { name, unitId: unit?.id ?? null, classKey: cls?.key ?? null } };
    });
}

/**
 * 评委席位: seats for judges without accounts, joined on their phones by QR code or by a
 * typed code. Add one at a time or paste a list of names; each seat shows its label,
 * status (待加入 / 已加入 / 已收回) and join code; a lost phone's seat is revoked (asked
 * first) and a new one issued for the same judge. The QR cards print from their own page.
 */
export function Seats({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const query = useQuery(ConsoleHallSeatsDocument, { id: roundId });
  const round = query.data?.round;
  if (!round) return query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : <Loading />;
  const classes = classesOf(round);
  const active = round.seats.filter((s) => s.status !== 'REVOKED');
  const fixed = round.method.__typename === 'PanelMethod' && round.method.quorumMode === 'ALL_EXPECTED';
  const canIssue = round.status === 'DRAFT' || round.status === 'OPEN';
  // An 应评尽评 panel is fixed once scoring starts: no new seat, though a lost phone's seat gets a new code.
  const canAdd = round.status === 'DRAFT' || (round.status === 'OPEN' && !fixed);
  return (
    <section className="hall-section" aria-labelledby="seats-title" data-testid="seats">
      <div className="section-head">
        <h3 id="seats-title">{t('hall.seats.title', { n: active.length })}</h3>
        {active.length > 0 ? (
          <Link to={seatCardsPath(roundId)} className="button">
            {t('hall.seats.print')}
          </Link>
        ) : null}
      </div>
      <p className="muted small">{t('hall.seats.intro')}</p>
      {fixed && canIssue ? <Note>{t(round.status === 'DRAFT' ? 'hall.seats.fixedDraft' : 'hall.seats.fixedOpen')}</Note> : null}
      {query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : null}
      {round.seats.length === 0 ? (
        <p className="muted">{t('hall.seats.none')}</p>
      ) : (
        <SeatTable roundId={roundId} seats={round.seats} classes={classes} canIssue={canIssue} onChanged={() => void query.refetch()} />
      )}
      {canAdd ? <AddSeats roundId={roundId} classes={classes} onAdded={() => void query.refetch()} /> : null}
    </section>
  );
}

function AddSeats({ roundId, classes, onAdded }: { roundId: string; classes: PanelClass[]; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const units = useQuery(ConsoleHallUnitsDocument, {});
  const unitList = units.data?.units ?? [];
  const [name, setName] = useState('');
  const [unitName, setUnitName] = useState('');
  const [classKey, setClassKey] = useState('');
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { mutate, pending, error, reset } = useMutation(ConsoleHallCreateSeatsDocument);
  const unit = unitName.trim() ? unitList.find((u) => u.name === unitName.trim()) : undefined;
  const unknownUnit = !!unitName.trim() && !unit && units.data !== undefined;
  const pasted = useMemo(() => parsePasted(text, unitList, classes), [text, unitList, classes]);
  const problems = pasted.filter((p) => p.problem);

  const create = async (seats: JudgeSeatInput[]) => {
    setDone(null);
    const created = await mutate({ roundId, seats });
    if (created) {
      setDone(t('hall.seats.added', { n: created.createJudgeSeats.length, labels: created.createJudgeSeats.map((s) => s.label).join('、') }));
      onAdded();
      return true;
    }
    return false;
  };
  const addOne = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || unknownUnit) return;
    if (await create([{ name: name.trim(), unitId: unit?.id ?? null, classKey: classKey || null }])) {
      setName('');
      setUnitName('');
    }
  };
  const addPasted = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length || pasted.length === 0) return;
    if (await create(pasted.map((p) => p.input))) setText('');
  };

  return (
    <div className="seat-add">
      <form onSubmit={addOne} className="seat-add-one" aria-label={t('hall.seats.addOne')}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('hall.seats.name')}</label>
          <input
            id={`${id}-name`}
            maxLength={100}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              reset();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('hall.seats.unit')}</label>
          <input
            id={`${id}-unit`}
            list={`${id}-units`}
            value={unitName}
            aria-invalid={unknownUnit}
            aria-describedby={unknownUnit ? `${id}-unit-error` : undefined}
            onChange={(e) => setUnitName(e.target.value)}
          />
          <datalist id={`${id}-units`}>
            {unitList.map((u) => (
              <option key={u.id} value={u.name} />
            ))}
          </datalist>
          {unknownUnit ? (
            <span id={`${id}-unit-error`} className="field-error">
              {t('hall.seats.unknownUnit')}
            </span>
          ) : null}
        </div>
        {classes.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-class`}>{t('hall.seats.class')}</label>
            <select id={`${id}-class`} value={classKey} onChange={(e) => setClassKey(e.target.value)}>
              <option value="">{t('hall.seats.classPick')}</option>
              {classes.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button-primary" disabled={pending || !name.trim() || unknownUnit || (classes.length > 0 && !classKey)}>
          {t('hall.seats.addOne')}
        </button>
      </form>

      <details className="subpanel seat-paste">
        <summary>{t('hall.seats.paste')}</summary>
        <form onSubmit={addPasted}>
          <div className="field">
            <label htmlFor={`${id}-paste`}>{t('hall.seats.pasteLabel')}</label>
            <textarea
              id={`${id}-paste`}
              rows={5}
              value={text}
              placeholder={classes.length ? t('hall.seats.pastePlaceholderClasses') : t('hall.seats.pastePlaceholder')}
              aria-describedby={`${id}-paste-hint`}
              onChange={(e) => {
                setText(e.target.value);
                reset();
              }}
            />
            <span id={`${id}-paste-hint`} className="muted small">
              {classes.length ? t('hall.seats.pasteHintClasses', { classes: classes.map((c) => c.label).join('、') }) : t('hall.seats.pasteHint')}
            </span>
          </div>
          {problems.length ? (
            <div className="note note-error" role="alert">
              <ul>
                {problems.map((p) => (
                  <li key={p.line}>
                    {p.problem === 'unit'
                      ? t('hall.seats.pasteUnknownUnit', { line: p.line, unit: p.unitName })
                      : t('hall.seats.pasteUnknownClass', { line: p.line, label: p.classLabel })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <button type="submit" className="button-primary" disabled={pending || pasted.length === 0 || problems.length > 0}>
            {pasted.length ? t('hall.seats.pasteAdd', { n: pasted.length }) : t('hall.seats.pasteAddNone')}
          </button>
        </form>
      </details>
      {error ? <ErrorNote error={error} /> : null}
      {done ? (
        <Note kind="ok" live>
          {done}
        </Note>
      ) : null}
    </div>
  );
}

function SeatTable({
  roundId,
  seats,
  classes,
  canIssue,
  onChanged,
}: {
  roundId: string;
  seats: readonly Seat[];
  classes: PanelClass[];
  canIssue: boolean;
  onChanged: () => void;
}) {
  const { t, time } = useI18n();
  const revoke = useMutation(ConsoleHallRevokeSeatDocument);
  const issue = useMutation(ConsoleHallReissueSeatDocument);
  const [issued, setIssued] = useState<string | null>(null);
  const classLabel = (key: string | null) => (key ? (classes.find((c) => c.key === key)?.label ?? key) : '—');

  // The same seat (label, judge and sheets) with a new code; the old code and phone stop working.
  const reissue = async (seat: Seat) => {
    setIssued(null);
    const done = await issue.mutate({ id: seat.id });
    if (done) {
      setIssued(t('hall.seats.reissued', { name: done.reissueJudgeSeat.name, label: done.reissueJudgeSeat.label }));
      onChanged();
    }
  };

  return (
    <>
      {revoke.error ? <ErrorNote error={revoke.error} /> : null}
      {issue.error ? <ErrorNote error={issue.error} /> : null}
      {issued ? (
        <Note kind="ok" live>
          {issued}
        </Note>
      ) : null}
      <div className="table-wrap">
        <table className="table seat-table" data-testid="seat-table">
          <thead>
            <tr>
              <th scope="col">{t('hall.seats.col.label')}</th>
              <th scope="col">{t('hall.seats.col.name')}</th>
              <th scope="col">{t('hall.seats.col.unit')}</th>
              {classes.length ? <th scope="col">{t('hall.seats.col.class')}</th> : null}
              <th scope="col">{t('hall.seats.col.status')}</th>
              <th scope="col">{t('hall.seats.col.code')}</th>
              <th scope="col">{t('hall.seats.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {seats.map((seat) => (
              <tr key={seat.id} className={seat.status === 'REVOKED' ? 'seat-revoked' : undefined}>
                <th scope="row">{seat.label}</th>
                <td>{seat.name}</td>
                <td>{seat.unit?.name ?? '—'}</td>
                {classes.length ? <td>{classLabel(seat.classKey)}</td> : null}
                <td>
                  <span className={`seat-status seat-status-${seat.status.toLowerCase()}`}>{t(`hall.seats.status.${seat.status}`)}</span>
                  {seat.status === 'JOINED' && seat.joinedAt ? <span className="muted small"> {time(seat.joinedAt)}</span> : null}
                  {seat.status === 'REVOKED' && seat.revokedAt ? <span className="muted small"> {time(seat.revokedAt)}</span> : null}
                </td>
                <td>{seat.status === 'REVOKED' ? <span className="muted">—</span> : <code className="join-code">{seat.joinCode}</code>}</td>
                <td>
                  <div className="row-actions">
                    {seat.status !== 'REVOKED' ? (
                      <>
                        <Link
                          to={seatCardsPath(roundId, seat.id)}
                          className="button button-small"
                          aria-label={t('hall.seats.printOneLabel', { label: seat.label, name: seat.name })}
                        >
                          {t('hall.seats.printOne')}
                        </Link>
                        <ConfirmAction
                          small
                          label={t('hall.seats.revoke')}
                          question={t('hall.seats.revokeQuestion', { label: seat.label, name: seat.name })}
                          disabled={revoke.pending}
                          onConfirm={async () => {
                            if (await revoke.mutate({ id: seat.id })) onChanged();
                          }}
                        />
                      </>
                    ) : canIssue ? (
                      <button
                        type="button"
                        className="button-primary button-small"
                        disabled={issue.pending}
                        aria-label={t('hall.seats.reissueLabel', { label: seat.label, name: seat.name })}
                        onClick={() => void reissue(seat)}
                      >
                        {t('hall.seats.reissue')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
