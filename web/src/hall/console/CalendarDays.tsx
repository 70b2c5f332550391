import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { ConsoleHallCalendarDocument, ConsoleHallSetCalendarDaysDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { beijingDateTime } from '../../results/format';
import { useWho } from './who';

/** This year in Beijing. */
function beijingYear(): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

/**
 * 节假日设置: the days an organizer added to the working-day calendar for a year (e.g. next
 * year's holidays and 调休 before the built-in calendar knows them), and a form to add or
 * correct one — date, 上班 or 放假, and its name. Notice periods count with them.
 */
export function CalendarDays({ onChanged }: { onChanged?: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const who = useWho();
  const thisYear = beijingYear();
  const [year, setYear] = useState(thisYear + 1);
  const days = useQuery(ConsoleHallCalendarDocument, { year });
  const save = useMutation(ConsoleHallSetCalendarDaysDocument);
  const [date, setDate] = useState('');
  const [workday, setWorkday] = useState(false);
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!date || !name.trim()) return;
    const saved = await save.mutate({ days: [{ date, workday, name: name.trim() }] });
    if (saved) {
      setDone(t('hall.calendar.saved', { date, kind: t(workday ? 'hall.calendar.workday' : 'hall.calendar.holiday') }));
      setDate('');
      setName('');
      const savedYear = Number(date.slice(0, 4));
      if (savedYear !== year && savedYear >= thisYear - 1 && savedYear <= thisYear + 2) setYear(savedYear);
      else void days.refetch();
      onChanged?.();
    }
  };

  const list = [...(days.data?.calendarDays ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <section className="calendar-days" aria-labelledby={`${id}-title`} data-testid="calendar-days">
      <h4 id={`${id}-title`}>{t('hall.calendar.title')}</h4>
      <p className="muted small">{t('hall.calendar.intro')}</p>
      <div className="field field-inline">
        <label htmlFor={`${id}-year`}>{t('hall.calendar.year')}</label>
        <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
            <option key={y} value={y}>
              {t('hall.calendar.yearOption', { year: y })}
            </option>
          ))}
        </select>
      </div>
      {days.error ? <ErrorNote error={days.error} onRetry={() => void days.refetch()} /> : null}
      {!days.data && !days.error ? <Loading /> : null}
      {days.data && list.length === 0 ? <p className="muted small">{t('hall.calendar.none', { year })}</p> : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">{t('hall.calendar.col.date')}</th>
                <th scope="col">{t('hall.calendar.col.kind')}</th>
                <th scope="col">{t('hall.calendar.col.name')}</th>
                <th scope="col">{t('hall.calendar.col.added')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((day) => (
                <tr key={day.date}>
                  <th scope="row">{day.date}</th>
                  <td>{t(day.workday ? 'hall.calendar.workday' : 'hall.calendar.holiday')}</td>
                  <td>{day.name}</td>
                  <td className="muted small">{t('hall.calendar.addedBy', { who: who(day.addedBy), time: beijingDateTime(lang, day.addedAt) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form onSubmit={submit} className="calendar-form" aria-label={t('hall.calendar.add')}>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('hall.calendar.date')}</label>
          <input id={`${id}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <fieldset className="plain-fieldset calendar-kind">
          <legend>{t('hall.calendar.kind')}</legend>
          <label htmlFor={`${id}-off`}>
            <input id={`${id}-off`} type="radio" name={`${id}-kind`} checked={!workday} onChange={() => setWorkday(false)} /> {t('hall.calendar.holiday')}
          </label>
          <label htmlFor={`${id}-on`}>
            <input id={`${id}-on`} type="radio" name={`${id}-kind`} checked={workday} onChange={() => setWorkday(true)} /> {t('hall.calendar.workdayLong')}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('hall.calendar.name')}</label>
          <input
            id={`${id}-name`}
            required
            maxLength={50}
            placeholder={t('hall.calendar.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="button-primary" disabled={save.pending || !date || !name.trim()}>
          {t('hall.calendar.add')}
        </button>
      </form>
      {save.error ? <ErrorNote error={save.error} /> : null}
      {done ? (
        <Note kind="ok" live>
          {done}
        </Note>
      ) : null}
    </section>
  );
}
