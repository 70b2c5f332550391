import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, request } from '../api/client';
import { useSession } from '../auth/useSession';
import { Note } from '../components/ui';
import {
  AppealCaseDocument,
  CloseCaseDocument,
  DecideAppealDocument,
  RecordAccountabilityDocument,
  RecordCallbackDocument,
  RecordRectificationDocument,
  RevealRatingPhoneDocument,
  VerifyCaseDocument,
} from '../gql/graphql';
import { useI18n } from '../i18n';
import { receiptNumber } from '../rate/receipt';
import { isCaseAction, type CaseAction, type CaseRecord, type RatingsRoundRecord } from './model';
import { caseErrorText, deadlineText, momentText, runningDeadline } from './words';

/** The case's status in words; a rejected appeal (the case back where it was) says so beside it. */
export function CaseStatusTag({ c }: { c: Pick<CaseRecord, 'status' | 'appealOutcome'> }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`tag case-status case-status-${c.status.toLowerCase()}`}>{t(`ratings.status.${c.status}`)}</span>
      {c.appealOutcome === 'REJECTED' ? <span className="tag">{t('ratings.status.appealRejected')}</span> : null}
    </>
  );
}

/**
 * One case: the rating it follows, its deadlines, every step taken (who, when, the note
 * and the evidence), the accountability recorded, and a form for each action the case
 * allows now — 回访, 核实, 整改, 办结, 申诉, 申诉裁定 — plus 问责 while the rating stands.
 */
export function CaseDetail({
  c,
  round,
  onClose,
  onChanged,
}: {
  c: CaseRecord;
  round: RatingsRoundRecord;
  onClose: () => void;
  onChanged: (next: CaseRecord) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const me = useSession()?.user;
  const allowed = c.allowedActions.filter(isCaseAction);
  const [action, setAction] = useState<CaseAction | 'ACCOUNTABILITY' | null>(allowed[0] ?? null);
  const [done, setDone] = useState<string | null>(null);
  const choices: (CaseAction | 'ACCOUNTABILITY')[] = [...allowed, ...(c.status === 'UPHELD' ? [] : (['ACCOUNTABILITY'] as const))];
  const chosen = action && choices.includes(action) ? action : (choices[0] ?? null);
  const running = runningDeadline(c);
  const who = (by: string) => (me && by === me.id ? me.name : by);
  const stepDone = (next: CaseRecord, message: string) => {
    setDone(message);
    setAction(null);
    onChanged(next);
  };

  return (
    <article className="panel case-detail" aria-labelledby={`${id}-title`} data-testid="case-detail" data-status={c.status}>
      <div className="section-head">
        <h3 id={`${id}-title`}>
          {t('ratings.case.title', { unit: c.unit.name, point: c.rating.point.name })} <CaseStatusTag c={c} />
          {c.overdue ? <span className="tag tag-overdue">{t('ratings.cases.overdue')}</span> : null}
        </h3>
        <button type="button" className="button-small" onClick={onClose}>
          {t('ratings.case.close')}
        </button>
      </div>
      <dl className="case-facts">
        <div>
          <dt>{t('ratings.case.rating')}</dt>
          <dd>
            <strong>{t(`ratings.level.${c.rating.level}`)}</strong>
            {c.rating.reasons.length ? ` · ${c.rating.reasons.join('、')}` : ''}
            {c.rating.counted ? null : <span className="tag tag-warn">{t('ratings.case.notCounted')}</span>}
          </dd>
        </div>
        {c.rating.comment ? (
          <div>
            <dt>{t('ratings.case.comment')}</dt>
            <dd>{c.rating.comment}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('ratings.case.phone')}</dt>
          <dd>
            <span className="mono">{c.rating.phone ?? t('ratings.cases.noPhone')}</span>
            {c.rating.phone ? <PhoneReveal caseId={c.id} reveals={c.phoneReveals.length} /> : null}
          </dd>
        </div>
        <div>
          <dt>{t('ratings.case.receipt')}</dt>
          <dd className="mono" translate="no">
            {receiptNumber(c.id)}
          </dd>
        </div>
        <div>
          <dt>{t('ratings.case.received')}</dt>
          <dd>{momentText(lang, c.rating.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('ratings.case.callbackDue', { n: round.method.callbackWorkingDays })}</dt>
          <dd className={c.overdue && running === 'callback' ? 'deadline-overdue' : undefined}>{deadlineText(lang, c.callbackDueAt)}</dd>
        </div>
        <div>
          <dt>{t('ratings.case.rectificationDue', { n: round.method.rectificationWorkingDays })}</dt>
          <dd className={c.overdue && running === 'rectification' ? 'deadline-overdue' : undefined}>{deadlineText(lang, c.rectificationDueAt)}</dd>
        </div>
        {c.escalatedTo ? (
          <div>
            <dt>{t('ratings.case.escalation')}</dt>
            <dd className="case-escalated">{t('ratings.case.escalatedTo', { unit: c.escalatedTo.name })}</dd>
          </div>
        ) : null}
      </dl>

      <section aria-labelledby={`${id}-steps`}>
        <h4 id={`${id}-steps`}>{t('ratings.case.steps')}</h4>
        <ol className="case-timeline" data-testid="case-steps">
          <li className="case-step">
            <span className="case-step-head">
              <span className="tag case-status">{t('ratings.case.opened')}</span>
              <span className="muted small">{momentText(lang, c.rating.receivedAt)}</span>
            </span>
            <span className="small">{t('ratings.case.openedNote')}</span>
          </li>
          {c.steps.map((step, i) => (
            <li key={`${step.at}-${i}`} className="case-step" data-step={step.status}>
              <span className="case-step-head">
                <span className={`tag case-status case-status-${step.status.toLowerCase()}`}>{t(`ratings.status.${step.status}`)}</span>
                <span className="muted small">{t('ratings.case.stepBy', { time: momentText(lang, step.at), by: who(step.by) })}</span>
              </span>
              <span className="case-step-note">{step.note}</span>
              {step.evidence ? <span className="case-step-evidence small">{t('ratings.case.evidenceIs', { evidence: step.evidence })}</span> : null}
            </li>
          ))}
        </ol>
      </section>

      {c.accountability.length ? (
        <section aria-labelledby={`${id}-acc`}>
          <h4 id={`${id}-acc`}>{t('ratings.case.accountability')}</h4>
          <ul className="case-accountability" data-testid="case-accountability">
            {c.accountability.map((a, i) => (
              <li key={`${a.at}-${i}`}>
                {t('ratings.case.accountabilityLine', { person: a.person, measure: a.measure, by: a.decidedBy, time: momentText(lang, a.at) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {done ? (
        <Note kind="ok" live>
          {done}
        </Note>
      ) : null}
      {choices.length === 0 ? (
        <Note>{t('ratings.case.final')}</Note>
      ) : (
        <section className="case-actions" aria-labelledby={`${id}-next`}>
          <h4 id={`${id}-next`}>{t('ratings.case.next')}</h4>
          <div className="case-action-choice" role="group" aria-label={t('ratings.case.next')}>
            {choices.map((a) => (
              <button
                key={a}
                type="button"
                className={chosen === a ? 'button-primary button-small' : 'button-small'}
                aria-pressed={chosen === a}
                onClick={() => {
                  setAction(a);
                  setDone(null);
                }}
              >
                {t(`ratings.action.${a}`)}
              </button>
            ))}
          </div>
          {chosen ? <ActionForm key={`${chosen}-${c.steps.length}-${c.accountability.length}`} action={chosen} c={c} onDone={stepDone} /> : null}
        </section>
      )}
    </article>
  );
}

/** The form of one action; each sends its mutation and hands back the case as the API now has it. */
function ActionForm({ action, c, onDone }: { action: CaseAction | 'ACCOUNTABILITY'; c: CaseRecord; onDone: (next: CaseRecord, message: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [choice, setChoice] = useState<boolean | null>(null);
  const [person, setPerson] = useState('');
  const [measure, setMeasure] = useState('');
  const [decidedBy, setDecidedBy] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const caseId = c.id;
  const ev = evidence.trim() || null;
  const text = note.trim();

  const send = async (): Promise<CaseRecord> => {
    switch (action) {
      case 'CALL_BACK':
        return (await request(RecordCallbackDocument, { caseId, note: text, evidence: ev })).recordCallback;
      case 'VERIFY':
        return (await request(VerifyCaseDocument, { caseId, substantiated: choice === true, note: text, evidence: ev })).verifyCase;
      case 'RECTIFY':
        return (await request(RecordRectificationDocument, { caseId, note: text, evidence: ev })).recordRectification;
      case 'CLOSE':
        return (await request(CloseCaseDocument, { caseId, note: text, evidence: ev })).closeCase;
      case 'APPEAL':
        return (await request(AppealCaseDocument, { caseId, grounds: text })).appealCase;
      case 'DECIDE_APPEAL':
        return (await request(DecideAppealDocument, { caseId, upheld: choice === true, reason: text })).decideAppeal;
      case 'ACCOUNTABILITY':
        return (await request(RecordAccountabilityDocument, { caseId, person: person.trim(), measure: measure.trim(), decidedBy: decidedBy.trim() }))
          .recordAccountability;
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const next = await send();
      const message =
        action === 'DECIDE_APPEAL'
          ? t(choice ? 'ratings.done.upheld' : 'ratings.done.rejected')
          : action === 'VERIFY'
            ? t(choice ? 'ratings.done.substantiated' : 'ratings.done.notSubstantiated')
            : t(`ratings.done.${action}`);
      onDone(next, message);
    } catch (e) {
      setError(e instanceof ApiError ? e : String(e));
    } finally {
      setPending(false);
    }
  };

  const needsChoice = action === 'VERIFY' || action === 'DECIDE_APPEAL';
  const ready = action === 'ACCOUNTABILITY' ? Boolean(person.trim() && measure.trim() && decidedBy.trim()) : Boolean(text) && (!needsChoice || choice !== null);
  const withEvidence = action === 'CALL_BACK' || action === 'VERIFY' || action === 'RECTIFY' || action === 'CLOSE';

  return (
    <form className="case-form" onSubmit={submit} data-action={action} aria-label={t(`ratings.action.${action}`)}>
      <p className="muted small">{t(`ratings.form.help.${action}`)}</p>
      {action === 'VERIFY' ? (
        <Choice
          legend={t('ratings.form.finding')}
          options={[
            { value: true, label: t('ratings.form.substantiated') },
            { value: false, label: t('ratings.form.notSubstantiated') },
          ]}
          value={choice}
          onChange={setChoice}
        />
      ) : null}
      {action === 'DECIDE_APPEAL' ? (
        <Choice
          legend={t('ratings.form.decision')}
          options={[
            { value: true, label: t('ratings.form.upheld') },
            { value: false, label: t('ratings.form.rejected') },
          ]}
          value={choice}
          onChange={setChoice}
        />
      ) : null}
      {action === 'ACCOUNTABILITY' ? (
        <div className="rule-numbers case-accountability-fields">
          <TextField label={t('ratings.form.person')} value={person} max={50} onChange={setPerson} />
          <TextField label={t('ratings.form.measure')} value={measure} max={200} onChange={setMeasure} />
          <TextField label={t('ratings.form.decidedBy')} value={decidedBy} max={100} onChange={setDecidedBy} />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t(`ratings.form.note.${action}`)}</label>
          <textarea id={`${id}-note`} rows={2} maxLength={1000} required value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      )}
      {withEvidence ? (
        <div className="field">
          <label htmlFor={`${id}-evidence`}>{t('ratings.form.evidence')}</label>
          <input
            id={`${id}-evidence`}
            maxLength={2000}
            value={evidence}
            aria-describedby={`${id}-evidence-hint`}
            onChange={(e) => setEvidence(e.target.value)}
          />
          <span id={`${id}-evidence-hint`} className="muted small">
            {t('ratings.form.evidenceHint')}
          </span>
        </div>
      ) : null}
      {action === 'DECIDE_APPEAL' && choice === true ? <Note kind="warn">{t('ratings.form.upheldWarning')}</Note> : null}
      {error ? (
        <div className="note note-error" role="alert">
          {caseErrorText(t, error)}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="button-primary" disabled={pending || !ready}>
          {t(`ratings.form.submit.${action}`)}
        </button>
      </div>
    </form>
  );
}

function Choice({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: { value: boolean; label: string }[];
  value: boolean | null;
  onChange: (v: boolean) => void;
}) {
  const id = useId();
  return (
    <fieldset className="case-choice">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={String(o.value)} className="field-inline-check" htmlFor={`${id}-${o.value}`}>
          <input id={`${id}-${o.value}`} type="radio" name={id} checked={value === o.value} onChange={() => onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function TextField({ label, value, max, onChange }: { label: string; value: string; max: number; onChange: (v: string) => void }): ReactNode {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} required maxLength={max} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/**
 * The callback desk's way to the full number: the purpose is recorded on the case (who,
 * when, why) before the API unseals it, so asking is a deliberate step, not a hover.
 */
function PhoneReveal({ caseId, reveals }: { caseId: string; reveals: number }) {
  const { t } = useI18n();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [purpose, setPurpose] = useState(() => t('ratings.reveal.defaultPurpose'));
  const [phone, setPhone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reveal = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setPhone((await request(RevealRatingPhoneDocument, { caseId, purpose })).revealRatingPhone.phone);
      setAsking(false);
    } catch (e) {
      setError(caseErrorText(t, e));
    }
  };
  if (phone) {
    return (
      <span className="phone-revealed" data-testid="phone-revealed">
        {' '}
        <a href={`tel:${phone}`} className="mono">
          {phone}
        </a>{' '}
        <span className="muted small">{t('ratings.reveal.recorded')}</span>
      </span>
    );
  }
  return (
    <span className="phone-reveal">
      {reveals > 0 ? <span className="muted small"> {t('ratings.reveal.count', { n: reveals })}</span> : null}{' '}
      {asking ? (
        <form className="phone-reveal-form" onSubmit={(e) => void reveal(e)}>
          <label htmlFor={`${id}-purpose`}>{t('ratings.reveal.purpose')}</label>
          <input id={`${id}-purpose`} value={purpose} maxLength={200} required onChange={(e) => setPurpose(e.target.value)} />
          <button type="submit" className="button-small">
            {t('ratings.reveal.confirm')}
          </button>
          <button type="button" className="button-small" onClick={() => setAsking(false)}>
            {t('ratings.reveal.cancel')}
          </button>
          <span className="muted small">{t('ratings.reveal.note')}</span>
          {error ? (
            <Note kind="warn" live>
              {error}
            </Note>
          ) : null}
        </form>
      ) : (
        <button type="button" className="button-small" onClick={() => setAsking(true)}>
          {t('ratings.reveal.show')}
        </button>
      )}
    </span>
  );
}
