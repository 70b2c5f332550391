import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/hooks';
import { ErrorNote, Note } from '../../components/ui';
import { RemoveEntryDocument, ReorderEntriesDocument, UpdateEntryDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ConfirmAction } from './fields';
import { entrantName, type ConsoleEntry } from './types';

/**
 * The enrolled entries in pitch order. While the round is DRAFT each row can be edited
 * in place (title, group, order), moved up or down, or removed after a confirmation.
 */
export function EntryList({ roundId, entries, editable, onChanged }: { roundId: string; entries: ConsoleEntry[]; editable: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const reorder = useMutation(ReorderEntriesDocument);
  const remove = useMutation(RemoveEntryDocument);
  const [removed, setRemoved] = useState<string | null>(null);
  const error = reorder.error ?? remove.error;

  const move = async (index: number, by: -1 | 1) => {
    const ids = entries.map((e) => e.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    if (await reorder.mutate({ roundId, entryIds: ids })) onChanged();
  };
  const removeEntry = async (entry: ConsoleEntry) => {
    setRemoved(null);
    if (await remove.mutate({ id: entry.id })) {
      setRemoved(t('round.entries.removed', { name: entrantName(entry) }));
      onChanged();
    }
  };

  if (entries.length === 0) return <Note>{t('round.entries.none')}</Note>;
  return (
    <div>
      {error ? <ErrorNote error={error} /> : null}
      {removed ? (
        <Note kind="ok" live>
          {removed}
        </Note>
      ) : null}
      <div className="table-wrap entry-table-wrap">
        <table className="table entry-table" data-testid="entry-table">
          <caption className="visually-hidden">{t('round.entries.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('round.entries.order')}
              </th>
              <th scope="col">{t('round.entries.name')}</th>
              <th scope="col">{t('round.entries.unit')}</th>
              <th scope="col">{t('round.entries.title')}</th>
              <th scope="col">{t('round.entries.group')}</th>
              {editable ? <th scope="col">{t('round.entries.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry, i) =>
              editing === entry.id ? (
                <EditRow
                  key={entry.id}
                  entry={entry}
                  onDone={(changed) => {
                    setEditing(null);
                    if (changed) onChanged();
                  }}
                />
              ) : (
                <tr key={entry.id} data-entry-id={entry.id}>
                  <td className="num">{entry.order}</td>
                  <th scope="row">{entrantName(entry)}</th>
                  <td className="cell-wrap">{entry.unit?.name ?? entry.cadre?.unit.name ?? '—'}</td>
                  <td className="cell-wrap">{entry.title}</td>
                  <td>{entry.group ?? '—'}</td>
                  {editable ? (
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button-small"
                          aria-label={t('round.entries.editLabel', { order: entry.order, name: entrantName(entry) })}
                          onClick={() => setEditing(entry.id)}
                        >
                          {t('round.entries.edit')}
                        </button>
                        <button
                          type="button"
                          className="button-small"
                          disabled={i === 0 || reorder.pending}
                          aria-label={t('round.entries.upLabel', { order: entry.order, name: entrantName(entry) })}
                          onClick={() => void move(i, -1)}
                        >
                          {t('round.up')}
                        </button>
                        <button
                          type="button"
                          className="button-small"
                          disabled={i === entries.length - 1 || reorder.pending}
                          aria-label={t('round.entries.downLabel', { order: entry.order, name: entrantName(entry) })}
                          onClick={() => void move(i, 1)}
                        >
                          {t('round.down')}
                        </button>
                        <ConfirmAction
                          small
                          label={t('round.entries.remove')}
                          question={t('round.entries.confirmRemove', { order: entry.order, name: entrantName(entry) })}
                          disabled={remove.pending}
                          onConfirm={() => removeEntry(entry)}
                        />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function EditRow({ entry, onDone }: { entry: ConsoleEntry; onDone: (changed: boolean) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [title, setTitle] = useState(entry.title);
  const [group, setGroup] = useState(entry.group ?? '');
  const [order, setOrder] = useState(String(entry.order));
  const { mutate, pending, error } = useMutation(UpdateEntryDocument);
  const name = entrantName(entry);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const input = { title: title.trim(), group: group.trim() || null, order: Math.trunc(Number(order)) };
    if (await mutate({ id: entry.id, input })) onDone(true);
  };
  return (
    <tr className="row-editing">
      <td className="num">
        <label htmlFor={`${id}-order`} className="visually-hidden">
          {t('round.entries.orderOf', { name })}
        </label>
        <input
          id={`${id}-order`}
          className="input-order"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          required
          value={order}
          onChange={(e) => setOrder(e.target.value)}
        />
      </td>
      <th scope="row">{name}</th>
      <td className="cell-wrap">{entry.unit?.name ?? entry.cadre?.unit.name ?? '—'}</td>
      <td>
        <label htmlFor={`${id}-title`} className="visually-hidden">
          {t('round.entries.titleOf', { name })}
        </label>
        <input
          id={`${id}-title`}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void submit()}
        />
      </td>
      <td>
        <label htmlFor={`${id}-group`} className="visually-hidden">
          {t('round.entries.groupOf', { name })}
        </label>
        <input
          id={`${id}-group`}
          className="input-group"
          maxLength={50}
          value={group}
          onChange={(e) => setGroup(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void submit()}
        />
      </td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="button-primary button-small"
            disabled={pending || !title.trim() || !(Number(order) >= 1)}
            onClick={() => void submit()}
          >
            {t('common.save')}
          </button>
          <button type="button" className="button-small" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
        {error ? <ErrorNote error={error} /> : null}
      </td>
    </tr>
  );
}
