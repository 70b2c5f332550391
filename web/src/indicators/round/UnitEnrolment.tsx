import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { ErrorNote, Note } from '../../components/ui';
import { RemoveEntryDocument } from '../../gql/graphql';
import { useI18n, type MessageKey } from '../../i18n';
import type { useDirectory } from '../../organizer/directory/useDirectory';
import { ConfirmAction } from '../../organizer/round/fields';
import { UnitPicker } from './UnitPicker';

/** What the enrolment panel is called in a given kind of round (实绩考核 units, 群众评议 units). */
export interface EnrolmentWords {
  heading: MessageKey;
  intro: MessageKey;
  none: MessageKey;
  caption: MessageKey;
  removeAsk: MessageKey;
}

interface EnrolledEntry {
  id: string;
  order: number;
  title: string;
  unit?: { id: string; name: string } | null;
}

const nameOf = (entry: EnrolledEntry) => entry.unit?.name ?? entry.title;

/**
 * The units enrolled in a DRAFT round whose entries are units (removable), and the unit
 * picker that adds more; the picker starts open while nothing is enrolled.
 */
export function UnitEnrolment({
  round,
  units,
  onChanged,
  words,
  testId,
  anyKind = false,
}: {
  round: { id: string; entries: readonly EnrolledEntry[] };
  units: ReturnType<typeof useDirectory>['units'];
  onChanged: () => void;
  words: EnrolmentWords;
  testId: string;
  /** The picker lists units of every kind, not only 乡镇（街道）. */
  anyKind?: boolean;
}) {
  const { t } = useI18n();
  const remove = useMutation(RemoveEntryDocument);
  const [removed, setRemoved] = useState<string | null>(null);
  const [pickerOpen] = useState(round.entries.length === 0);
  const enrolled = new Set(round.entries.flatMap((e) => (e.unit ? [e.unit.id] : [])));
  const nextOrder = round.entries.reduce((max, e) => Math.max(max, e.order), 0) + 1;
  const titleId = `${testId}-title`;
  return (
    <section className="subpanel enrolment" aria-labelledby={titleId}>
      <h3 id={titleId}>{t(words.heading, { n: round.entries.length })}</h3>
      <p className="muted small">{t(words.intro)}</p>
      {remove.error ? <ErrorNote error={remove.error} /> : null}
      {removed ? (
        <Note kind="ok" live>
          {removed}
        </Note>
      ) : null}
      {round.entries.length === 0 ? (
        <Note>{t(words.none)}</Note>
      ) : (
        <div className="table-wrap entry-table-wrap">
          <table className="table table-compact" data-testid={testId}>
            <caption className="visually-hidden">{t(words.caption)}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('round.entries.order')}
                </th>
                <th scope="col">{t('indicators.picker.name')}</th>
                <th scope="col">{t('indicators.picker.path')}</th>
                <th scope="col">{t('round.entries.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {round.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="num">{entry.order}</td>
                  <th scope="row">{nameOf(entry)}</th>
                  <td className="muted">{entry.unit && units?.byId.has(entry.unit.id) ? units.pathOf(entry.unit.id).join('/') : '—'}</td>
                  <td>
                    <ConfirmAction
                      small
                      label={t('indicators.enrol.remove')}
                      question={t(words.removeAsk, { name: nameOf(entry) })}
                      onConfirm={async () => {
                        setRemoved(null);
                        if (await remove.mutate({ id: entry.id })) {
                          setRemoved(t('indicators.enrol.removed', { name: nameOf(entry) }));
                          onChanged();
                        }
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="subpanel" open={pickerOpen}>
        <summary>{t('indicators.picker.open')}</summary>
        <UnitPicker roundId={round.id} units={units} enrolled={enrolled} nextOrder={nextOrder} onAdded={onChanged} anyKind={anyKind} />
      </details>
    </section>
  );
}
