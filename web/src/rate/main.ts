import { receiptNumber } from './receipt';
import './rate.css';
import { loadForm, type RatingFormView, type RatingInput, type RatingLevel, type RatingReceipt, type RatingScale, RequestFailed, submitRating } from './api';
import { h, icon } from './dom';
import { language, type MessageKey, say, setLanguage } from './i18n';
import { clearDraft, type Draft, deviceId, loadDraft, saveDraft, saveReceipt, todaysReceipt } from './storage';

/**
 * The citizens' rating page (`/rate/<code>`, a QR code at a counter; `?ref=` when the
 * counter's system printed a single-use reference). Plain DOM: the whole view is drawn from
 * `state` after each step, and what the citizen types lives in `state.entry` (and the draft
 * in storage), so a redraw, a language switch, a failed send or a reload loses nothing.
 */

const LEVELS: Record<RatingScale, readonly RatingLevel[]> = {
  TWO_LEVEL: ['SATISFIED', 'DISSATISFIED'],
  FIVE_LEVEL: ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'],
};
/** 差评: needs a reason and opens a follow-up case. */
const isBad = (level: RatingLevel | null) => level === 'DISSATISFIED' || level === 'VERY_DISSATISFIED';
/** The API takes a comment of at most this many characters. */
const COMMENT_MAX = 500;
const PHONE_MAX = 20;

/** A mainland mobile number as the API accepts it: spaces and dashes allowed, +86 or 0086 before it. */
function phoneValid(text: string): boolean {
  return /^(?:\+86|0086)?1[3-9]\d{9}$/.test(text.normalize('NFKC').replace(/[\s\-‐‑‒–—−]/gu, ''));
}

type View = 'loading' | 'loadFailed' | 'stopped' | 'unknown' | 'closed' | 'form' | 'receipt' | 'alreadyRated' | 'received';
type Field = 'level' | 'reasons' | 'comment' | 'phone';
/** A message above the send button; all but refInvalid and formExpired are answered by sending again. */
type Notice = 'networkFailed' | 'busy' | 'rateLimited' | 'failed' | 'formExpired' | 'refInvalid';

const state = {
  code: '',
  ref: null as string | null,
  view: 'loading' as View,
  form: null as RatingFormView | null,
  entry: { level: null, reasons: [], comment: '', phone: '' } as Draft,
  errors: {} as Partial<Record<Field, MessageKey>>,
  notice: null as Notice | null,
  sending: false,
  /** An earlier send of this entry may have landed (no answer came back). */
  uncertain: false,
  /** The form was reloaded once for this send after FORM_EXPIRED. */
  formReloaded: false,
  receipt: null as (RatingReceipt & { level: RatingLevel; phoneGiven: boolean }) | null,
  copied: false,
};

const root = document.getElementById('rate')!;
/** Read by screen readers when it changes (sending, refusals); kept outside the redrawn view. */
const announcer = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'announcer' });
document.body.append(announcer);

function announce(text: string): void {
  announcer.textContent = '';
  // A moment later, so that the same text twice is still read.
  setTimeout(() => {
    announcer.textContent = text;
  }, 50);
}

/** Redraws the view from `state`, keeping the focus on the control that had it (by id). */
function render(focusId?: string): void {
  const active = focusId ?? (document.activeElement instanceof HTMLElement ? document.activeElement.id : '');
  root.replaceChildren(header(), h('main', { class: 'main', id: 'main' }, ...view()));
  const target = active ? document.getElementById(active) : null;
  target?.focus({ preventScroll: !focusId });
}

/** A new page: drawn from the top, its heading focused (and so read out). */
function show(next: View): void {
  state.view = next;
  state.sending = false;
  window.scrollTo(0, 0);
  render('title');
}

function header(): HTMLElement {
  const other = language() === 'zh-CN' ? 'en' : 'zh-CN';
  return h(
    'header',
    { class: 'bar' },
    h('span', { class: 'brand' }, say('brand')),
    h(
      'button',
      {
        type: 'button',
        id: 'language',
        class: 'language',
        lang: other,
        'aria-label': say('switchLanguageLabel'),
        onclick: () => {
          setLanguage(other);
          render('language');
        },
      },
      say('switchLanguage'),
    ),
  );
}

function view(): Node[] {
  const form = state.form;
  switch (state.view) {
    case 'loading':
      return [h('p', { class: 'loading', id: 'title', tabindex: '-1' }, say('loading'))];
    case 'loadFailed':
      return message(
        'wait',
        'loadFailedTitle',
        'loadFailedBody',
        h('button', { type: 'button', id: 'retry', class: 'primary', onclick: () => void load() }, say('retry')),
      );
    case 'stopped':
      return message('stop', 'stoppedTitle', 'stoppedBody');
    case 'unknown':
      return message('stop', 'unknownTitle', 'unknownBody');
    case 'closed':
      return message('info', 'closedTitle', 'closedBody', form ? placeLine(form) : null);
    case 'alreadyRated': {
      const earlier = form ? todaysReceipt(form.pointId) : null;
      const byRef = state.ref !== null;
      return message(
        'info',
        byRef ? 'alreadyRatedRefTitle' : 'alreadyRatedTitle',
        byRef ? 'alreadyRatedRefBody' : 'alreadyRatedBody',
        form ? placeLine(form) : null,
        earlier
          ? h('dl', { class: 'receipt' }, h('dt', null, say('earlierReceipt')), h('dd', { id: 'receipt-id', translate: 'no' }, receiptNumber(earlier)))
          : null,
      );
    }
    case 'received':
      return message('done', 'receivedTitle', 'receivedBody', form ? placeLine(form) : null);
    case 'receipt':
      return receiptView();
    case 'form':
      return form ? formView(form) : [];
  }
}

const ICONS = {
  done: '<svg viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="currentColor"/><path d="M14 25l7 7 13-15" fill="none" stroke="#fff" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  stop: '<svg viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="currentColor"/><path d="M16 16l16 16M32 16L16 32" stroke="#fff" stroke-width="4.5" stroke-linecap="round"/></svg>',
  info: '<svg viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="currentColor"/><path d="M24 22v13" stroke="#fff" stroke-width="4.5" stroke-linecap="round"/><circle cx="24" cy="14.5" r="3" fill="#fff"/></svg>',
  wait: '<svg viewBox="0 0 48 48"><circle cx="24" cy="24" r="22" fill="currentColor"/><path d="M24 12v13l8 5" fill="none" stroke="#fff" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"/></svg>',
};

function message(kind: keyof typeof ICONS, title: MessageKey, body: MessageKey, ...extra: (Node | null)[]): Node[] {
  return [
    h(
      'section',
      { class: `message ${kind}`, 'aria-labelledby': 'title' },
      icon(ICONS[kind], 'message-icon'),
      h('h1', { id: 'title', tabindex: '-1' }, say(title)),
      h('p', { class: 'body' }, say(body)),
      ...extra,
    ),
  ];
}

/** The unit and the point; each name wraps as a whole where it can. */
const placeLine = (form: RatingFormView) =>
  h('p', { class: 'place-line' }, h('span', null, form.unitName), form.unitName ? ' · ' : null, h('span', null, form.pointName));

// --- the form ---

const MOUTHS: Record<RatingLevel, string> = {
  VERY_SATISFIED: 'M14 27q10 13 20 0',
  SATISFIED: 'M16 29q8 7 16 0',
  BASICALLY_SATISFIED: 'M16 32h16',
  DISSATISFIED: 'M16 35q8-7 16 0',
  VERY_DISSATISFIED: 'M14 37q10-13 20 0',
};
const face = (level: RatingLevel) =>
  icon(
    `<svg viewBox="0 0 48 48"><circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="3"/><circle cx="17" cy="19" r="2.8" fill="currentColor"/><circle cx="31" cy="19" r="2.8" fill="currentColor"/><path d="${MOUTHS[level]}" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"/></svg>`,
    'face',
  );
const tone = (level: RatingLevel) => (isBad(level) ? 'bad' : level === 'BASICALLY_SATISFIED' ? 'mid' : 'good');

function errorText(id: string, key: MessageKey): HTMLElement {
  return h('p', { class: 'error', id }, say(key, { max: COMMENT_MAX }));
}

function formView(form: RatingFormView): Node[] {
  const { entry, errors } = state;
  const bad = isBad(entry.level);
  const retry = state.notice === 'networkFailed' || state.notice === 'busy' || state.notice === 'rateLimited' || state.notice === 'failed';
  return [
    h(
      'section',
      { class: 'place', 'aria-labelledby': 'title' },
      h('p', { class: 'unit' }, form.unitName),
      h('h1', { id: 'title', tabindex: '-1' }, form.pointName),
      form.roundName ? h('p', { class: 'round' }, say('roundLabel', { round: form.roundName })) : null,
    ),
    h(
      'form',
      { class: 'rating', novalidate: true, onsubmit: onSubmit },
      h(
        'fieldset',
        {
          class: `levels ${form.scale === 'TWO_LEVEL' ? 'two' : 'five'}`,
          role: 'radiogroup',
          'aria-required': 'true',
          'aria-invalid': errors.level ? 'true' : null,
          'aria-describedby': errors.level ? 'level-error' : null,
        },
        h('legend', { class: 'question' }, say('question')),
        errors.level ? errorText('level-error', errors.level) : null,
        h(
          'div',
          { class: 'choices' },
          ...LEVELS[form.scale].map((level) =>
            h(
              'label',
              { class: `level ${tone(level)}` },
              h('input', {
                type: 'radio',
                name: 'level',
                id: `level-${level}`,
                value: level,
                checked: entry.level === level,
                onchange: () => chooseLevel(level),
              }),
              h('span', { class: 'tile' }, face(level), h('span', { class: 'name' }, say(`level${level}`))),
            ),
          ),
        ),
      ),
      bad
        ? h(
            'fieldset',
            {
              class: `reasons${errors.reasons ? ' invalid' : ''}`,
              id: 'reasons',
              'aria-describedby': errors.reasons ? 'reasons-error' : null,
            },
            h('legend', null, say('reasonsLegend')),
            errors.reasons ? errorText('reasons-error', errors.reasons) : null,
            ...form.reasons.map((reason, i) =>
              h(
                'label',
                { class: 'reason' },
                h('input', {
                  type: 'checkbox',
                  id: `reason-${i}`,
                  value: reason,
                  checked: entry.reasons.includes(reason),
                  onchange: (event: Event) => toggleReason(reason, (event.target as HTMLInputElement).checked),
                }),
                h('span', null, reason),
              ),
            ),
          )
        : null,
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'comment' }, say('commentLabel')),
        h('textarea', {
          id: 'comment',
          rows: '3',
          maxlength: String(COMMENT_MAX),
          value: entry.comment,
          'aria-describedby': errors.comment ? 'comment-count comment-error' : 'comment-count',
          'aria-invalid': errors.comment ? 'true' : null,
          oninput: (event: Event) => {
            entry.comment = (event.target as HTMLTextAreaElement).value;
            const count = document.getElementById('comment-count');
            if (count) count.textContent = say('commentCount', { count: entry.comment.length, max: COMMENT_MAX });
            keep();
          },
        }),
        h('p', { class: 'count', id: 'comment-count' }, say('commentCount', { count: entry.comment.length, max: COMMENT_MAX })),
        errors.comment ? errorText('comment-error', errors.comment) : null,
      ),
      bad
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: 'phone' }, say('phoneLabel')),
            h('input', {
              type: 'tel',
              id: 'phone',
              inputmode: 'tel',
              autocomplete: 'tel',
              maxlength: String(PHONE_MAX),
              value: entry.phone,
              'aria-describedby': errors.phone ? 'phone-error phone-hint' : 'phone-hint',
              'aria-invalid': errors.phone ? 'true' : null,
              oninput: (event: Event) => {
                const input = event.target as HTMLInputElement;
                entry.phone = input.value;
                keep();
                // A number put right loses its message at once (without a redraw, which would move the caret).
                if (errors.phone && (!input.value.trim() || phoneValid(input.value))) {
                  delete errors.phone;
                  document.getElementById('phone-error')?.remove();
                  input.removeAttribute('aria-invalid');
                  input.setAttribute('aria-describedby', 'phone-hint');
                }
              },
            }),
            errors.phone ? errorText('phone-error', errors.phone) : null,
            h('p', { class: 'hint', id: 'phone-hint' }, say('phoneHint')),
          )
        : null,
      state.notice
        ? h(
            'div',
            { class: 'notice', id: 'notice' },
            h('p', null, say(state.notice)),
            state.notice === 'refInvalid'
              ? h(
                  'button',
                  {
                    type: 'button',
                    id: 'without-ref',
                    class: 'secondary',
                    onclick: () => {
                      state.ref = null;
                      void submit();
                    },
                  },
                  say('submitWithoutRef'),
                )
              : null,
          )
        : null,
      // A refused ref is answered by the button beside its message (sending as it is would be refused again).
      state.notice === 'refInvalid'
        ? null
        : h(
            'button',
            { type: 'submit', id: 'send', class: `primary${state.sending ? ' busy' : ''}`, 'aria-disabled': state.sending ? 'true' : null },
            state.sending ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
            say(state.sending ? 'sending' : retry ? 'resubmit' : 'submit'),
          ),
    ),
  ];
}

/** Saves the entry as typed so far (kept by point, so a new QR code of the same point finds it). */
function keep(): void {
  if (state.form) saveDraft(state.form.pointId, state.entry);
}

function chooseLevel(level: RatingLevel): void {
  state.entry.level = level;
  delete state.errors.level;
  if (!isBad(level)) delete state.errors.reasons;
  keep();
  render();
}

function toggleReason(reason: string, on: boolean): void {
  const reasons = state.entry.reasons.filter((r) => r !== reason);
  state.entry.reasons = on ? [...reasons, reason] : reasons;
  if (state.entry.reasons.length > 0) delete state.errors.reasons;
  keep();
  render();
}

function validate(): Partial<Record<Field, MessageKey>> {
  const { level, reasons, comment, phone } = state.entry;
  const errors: Partial<Record<Field, MessageKey>> = {};
  if (!level) errors.level = 'levelRequired';
  else if (isBad(level) && reasons.length === 0) errors.reasons = 'reasonsRequired';
  if (comment.length > COMMENT_MAX) errors.comment = 'commentTooLong';
  if (isBad(level) && phone.trim() && !phoneValid(phone)) errors.phone = 'phoneInvalid';
  return errors;
}

/** The first control of the first field in error, in the order they appear. */
const FIRST_CONTROL: Record<Field, () => HTMLElement | null> = {
  level: () => document.querySelector<HTMLElement>('input[name="level"]'),
  reasons: () => document.getElementById('reason-0'),
  comment: () => document.getElementById('comment'),
  phone: () => document.getElementById('phone'),
};

function showErrors(errors: Partial<Record<Field, MessageKey>>): void {
  state.errors = errors;
  state.notice = null;
  render();
  const first = (['level', 'reasons', 'comment', 'phone'] as const).find((field) => errors[field]);
  if (!first) return;
  const control = FIRST_CONTROL[first]();
  control?.focus({ preventScroll: true });
  control?.closest('fieldset, .field')?.scrollIntoView({ block: 'center' });
  announce(say(errors[first]!, { max: COMMENT_MAX }));
}

function onSubmit(event: Event): void {
  event.preventDefault();
  void submit();
}

async function submit(): Promise<void> {
  if (state.sending || !state.form) return;
  const errors = validate();
  if (Object.keys(errors).length > 0) return showErrors(errors);
  state.errors = {};
  state.formReloaded = false;
  await send();
}

/** What is sent: the same entry gives the same payload, so sending again is harmless (the API keeps one rating per device, point and day, or per ref). */
function payload(form: RatingFormView): RatingInput {
  const { level, reasons, comment, phone } = state.entry;
  const bad = isBad(level);
  return {
    form: form.form!,
    level: level!,
    reasons: bad ? form.reasons.filter((r) => reasons.includes(r)) : [],
    ...(comment.trim() ? { comment: comment.trim() } : {}),
    ...(bad && phone.trim() ? { phone: phone.trim() } : {}),
    ...(state.ref ? { ref: state.ref } : {}),
    device: deviceId(),
  };
}

async function send(): Promise<void> {
  const form = state.form!;
  const input = payload(form);
  state.sending = true;
  state.notice = null;
  render();
  announce(say('sending'));
  let receipt: RatingReceipt;
  try {
    receipt = await submitRating(input);
  } catch (error) {
    state.sending = false;
    return refused(error instanceof RequestFailed ? error : new RequestFailed('NETWORK'));
  }
  saveReceipt(form.pointId, receipt);
  clearDraft(form.pointId);
  state.receipt = { ...receipt, level: input.level, phoneGiven: Boolean(input.phone) };
  state.uncertain = false;
  show('receipt');
}

async function refused(failure: RequestFailed): Promise<void> {
  if (failure.uncertain) state.uncertain = true;
  switch (failure.reason) {
    case 'FORM_EXPIRED':
      // The signed form lasts two hours: fetch a fresh one once and send the same entry with it.
      if (!state.formReloaded) {
        state.formReloaded = true;
        return reloadAndSend();
      }
      return noticed('formExpired');
    case 'CODE_ROTATED':
      return show('stopped');
    case 'ALREADY_RATED':
      // After a send that got no answer, the rating refused as a duplicate is that very one.
      if (state.form) clearDraft(state.form.pointId);
      return show(state.uncertain ? 'received' : 'alreadyRated');
    case 'RATE_LIMITED':
      return noticed('rateLimited');
  }
  if (failure.code === 'BAD_USER_INPUT') return fieldsRefused(failure);
  if (failure.code === 'NETWORK') return noticed('networkFailed');
  if (failure.code === 'SERVICE_UNAVAILABLE') return noticed('busy');
  return noticed('failed');
}

function noticed(notice: Notice): void {
  state.notice = notice;
  render();
  announce(say(notice));
}

function fieldsRefused(failure: RequestFailed): void {
  const errors: Partial<Record<Field, MessageKey>> = {};
  let notice: Notice | null = null;
  for (const issue of failure.issues) {
    if (issue.path.startsWith('input.reasons')) errors.reasons = issue.code === 'REQUIRED' ? 'reasonsRequired' : 'reasonsChanged';
    else if (issue.path === 'input.phone') errors.phone = 'phoneInvalid';
    else if (issue.path === 'input.comment') errors.comment = 'commentTooLong';
    else if (issue.path === 'input.level') errors.level = 'levelRequired';
    else if (issue.path === 'input.ref') notice = 'refInvalid';
    else notice = 'failed';
  }
  if (errors.reasons === 'reasonsChanged') state.entry.reasons = [];
  if (Object.keys(errors).length > 0) showErrors(errors);
  else noticed(notice ?? 'failed');
}

async function reloadAndSend(): Promise<void> {
  let form: RatingFormView;
  try {
    form = await loadForm(state.code);
  } catch (error) {
    return loadRefused(error, true);
  }
  if (!accept(form)) return;
  await send();
}

/** Takes a loaded form: the entry page when it is open, the closed page otherwise. */
function accept(form: RatingFormView): boolean {
  const first = state.form === null || state.form.pointId !== form.pointId;
  state.form = form;
  if (!form.open || !form.form) {
    show('closed');
    return false;
  }
  if (first) {
    const draft = loadDraft(form.pointId);
    if (draft) state.entry = draft;
  }
  // Only what this form offers (its scale and reasons) can be sent.
  if (state.entry.level && !LEVELS[form.scale].includes(state.entry.level)) state.entry.level = null;
  state.entry.reasons = state.entry.reasons.filter((r) => form.reasons.includes(r));
  return true;
}

function loadRefused(error: unknown, sending: boolean): void {
  const failure = error instanceof RequestFailed ? error : new RequestFailed('NETWORK');
  if (failure.reason === 'CODE_ROTATED') show('stopped');
  else if (failure.code === 'NOT_FOUND') show('unknown');
  else if (sending) noticed(failure.code === 'NETWORK' ? 'networkFailed' : 'busy');
  else show('loadFailed');
}

async function load(): Promise<void> {
  state.view = 'loading';
  render();
  let form: RatingFormView | null = null;
  for (let attempt = 1; form === null; attempt++) {
    try {
      form = await loadForm(state.code);
    } catch (error) {
      // Reading the form is safe to repeat: one more try on a weak network before the citizen is asked.
      if (attempt === 1 && error instanceof RequestFailed && error.uncertain) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        continue;
      }
      loadRefused(error, false);
      return;
    }
  }
  if (!accept(form)) return;
  state.view = 'form';
  render();
}

function receiptView(): Node[] {
  const receipt = state.receipt!;
  const form = state.form;
  const copyable = typeof navigator.clipboard?.writeText === 'function';
  const callback: MessageKey = receipt.caseOpened ? (receipt.phoneGiven ? 'callbackWithPhone' : 'callbackNoPhone') : 'noCallback';
  return [
    h(
      'section',
      { class: 'message done', 'aria-labelledby': 'title' },
      icon(ICONS.done, 'message-icon'),
      h('h1', { id: 'title', tabindex: '-1' }, say('receiptTitle')),
      h('p', { class: 'body' }, say('receiptRated', { level: say(`level${receipt.level}`) })),
      form ? placeLine(form) : null,
      h('dl', { class: 'receipt' }, h('dt', null, say('receiptId')), h('dd', { id: 'receipt-id', translate: 'no' }, receiptNumber(receipt.id))),
      copyable
        ? h(
            'button',
            {
              type: 'button',
              id: 'copy',
              class: 'secondary',
              onclick: () => {
                navigator.clipboard.writeText(receiptNumber(receipt.id)).then(
                  () => {
                    state.copied = true;
                    render();
                    announce(say('copied'));
                  },
                  () => undefined,
                );
              },
            },
            say(state.copied ? 'copied' : 'copy'),
          )
        : null,
      h('p', { class: 'hint' }, say('receiptKeep')),
      h('p', { class: `callback ${receipt.caseOpened ? 'yes' : 'no'}`, id: 'callback' }, say(callback)),
    ),
  ];
}

/** `/rate/<code>`; the code is what the QR code says, looked up case-insensitively by the API. */
function codeOf(path: string): string {
  const match = /^\/rate\/([^/]+)\/?$/.exec(path);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]!).trim();
  } catch {
    return '';
  }
}

setLanguage(language());
state.code = codeOf(location.pathname);
state.ref = new URLSearchParams(location.search).get('ref')?.trim() || null;
if (state.code) void load();
else show('unknown');
