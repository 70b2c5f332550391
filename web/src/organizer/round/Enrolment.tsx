import Papa from 'papaparse';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import { ErrorNote, Note } from '../../components/ui';
import { AddEntriesDocument, type EntryInput } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { CadrePicker } from './CadrePicker';
import { ENTRY_BATCH } from './useBatchEnrolment';
import { EntryList } from './EntryList';
import { PitchDraws } from './PitchDraws';
import type { ConsoleRound } from './types';

/**
 * The round's entrants: the list in pitch order and, while DRAFT, the roster picker,
 * a paste box for lists of cadre ids, and the draw (抽签).
 */
export function Enrolment({ round, onChanged }: { round: ConsoleRound; onChanged: () => void }) {
  const { t } = useI18n();
  const draft = round.status === 'DRAFT';
  const enrolled = new Set(round.entries.flatMap((e) => (e.cadre ? [e.cadre.id] : [])));
  const nextOrder = round.entries.reduce((max, e) => Math.max(max, e.order), 0) + 1;
  // Open at first for an empty round; afterwards the organizer's own choice (a changing prop would close it).
  const [pickerOpen] = useState(round.entries.length === 0);
  return (
    <section className="subpanel enrolment" aria-labelledby="enrolment-title">
      <h3 id="enrolment-title">{t('round.entries.heading', { n: round.entries.length })}</h3>
      {draft ? <p className="muted small">{t('round.entries.intro')}</p> : null}
      {draft ? (
        <>
          <EntryList roundId={round.id} entries={round.entries} editable onChanged={onChanged} />
          <details className="subpanel" open={pickerOpen}>
            <summary>{t('round.picker.open')}</summary>
            <CadrePicker roundId={round.id} enrolled={enrolled} nextOrder={nextOrder} onAdded={onChanged} />
          </details>
          <PasteEnrol roundId={round.id} nextOrder={nextOrder} onChanged={onChanged} />
        </>
      ) : (
        <details>
          <summary className="summary-link">{t('round.entries.show', { n: round.entries.length })}</summary>
          <EntryList roundId={round.id} entries={round.entries} editable={false} onChanged={onChanged} />
        </details>
      )}
      <PitchDraws roundId={round.id} canDraw={draft} entryCount={round.entries.length} onDrawn={onChanged} />
    </section>
  );
}

/** Enrols by pasting `cadreId,title,group` lines, e.g. a column copied from a spreadsheet. */
function PasteEnrol({ roundId, nextOrder, onChanged }: { roundId: string; nextOrder: number; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(null);
    const lines = Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' }).data.map((r) => r.map((c) => c.trim()));
    const entries: EntryInput[] = lines.map(([cadreId = '', title = '', group = ''], i) => ({
      cadreId,
      title: title || cadreId,
      group: group || null,
      order: nextOrder + i,
    }));
    let enrolled = 0;
    try {
      for (let start = 0; start < entries.length; start += ENTRY_BATCH) {
        enrolled += (await request(AddEntriesDocument, { roundId, entries: entries.slice(start, start + ENTRY_BATCH) })).addEntries.length;
      }
      setText('');
    } catch (e) {
      setError(e instanceof ApiError ? e : String(e));
    } finally {
      setPending(false);
      setDone(enrolled);
      if (enrolled) onChanged();
    }
  };
  return (
    <details className="subpanel">
      <summary>{t('round.paste.open')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t('org.enrol')}</label>
          <textarea
            id={id}
            rows={4}
            className="mono"
            placeholder="XS0001,共富工坊带动村民增收,村书记"
            aria-describedby={`${id}-hint`}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <span id={`${id}-hint`} className="muted small">
            {t('org.enrolHint')}
          </span>
        </div>
        {error ? <ErrorNote error={error} /> : null}
        {done !== null ? (
          <Note kind="ok" live>
            {t('org.enrolled', { n: done })}
          </Note>
        ) : null}
        <button type="submit" className="button-primary" disabled={pending || !text.trim()}>
          {t('org.enrolSubmit')}
        </button>
      </form>
    </details>
  );
}
