import { useId, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { ErrorNote } from '../../components/ui';
import { ConsoleHallSetBonusDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';

/** 附加分: points the organizers add on top of an entry's panel result, with the reason (0 removes them). */
export function BonusForm({ entryId, bonus, reason, onChanged }: { entryId: string; bonus: number; reason: string | null; onChanged: () => Promise<void> }) {
  const { t, score } = useI18n();
  const id = useId();
  const save = useMutation(ConsoleHallSetBonusDocument);
  const [editing, setEditing] = useState(false);
  const [points, setPoints] = useState(String(bonus || ''));
  const [why, setWhy] = useState(reason ?? '');

  if (!editing) {
    return (
      <p className="small" data-testid="stage-bonus">
        {bonus > 0 ? t('hall.bonus.shown', { points: score(bonus), reason: reason ?? '' }) : t('hall.bonus.none')}{' '}
        <button type="button" className="button button-small" onClick={() => setEditing(true)}>
          {bonus > 0 ? t('hall.bonus.change') : t('hall.bonus.add')}
        </button>
      </p>
    );
  }
  return (
    <form
      className="confirm confirm-wide"
      aria-label={t('hall.bonus.title')}
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await save.mutate({ entryId, points: Number(points || 0), reason: why.trim() || t('hall.bonus.removed') });
        if (done) {
          setEditing(false);
          await onChanged();
        }
      }}
    >
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-points`}>{t('hall.bonus.points')}</label>
          <input
            id={`${id}-points`}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={0.5}
            value={points}
            onChange={(e) => setPoints(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('hall.bonus.reason')}</label>
          <input id={`${id}-reason`} maxLength={200} required={Number(points) > 0} value={why} onChange={(e) => setWhy(e.target.value)} />
        </div>
      </div>
      {save.error ? <ErrorNote error={save.error} /> : null}
      <div className="row">
        <button type="submit" className="button-primary" disabled={save.pending}>
          {t('hall.bonus.save')}
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
