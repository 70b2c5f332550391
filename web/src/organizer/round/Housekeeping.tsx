import { useMutation } from '../../api/hooks';
import { ErrorNote } from '../../components/ui';
import { ArchiveCompetitionDocument, ArchiveRoundDocument, DeleteCompetitionDocument, DeleteRoundDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { ConfirmAction } from './fields';
import type { CompetitionSummary, ConsoleRound } from './types';

/** Archive (or bring back) and delete a round; deleting is for DRAFT rounds only, each after a question. */
export function RoundHousekeeping({ round, onChanged }: { round: ConsoleRound; onChanged: () => void }) {
  const { t } = useI18n();
  const archive = useMutation(ArchiveRoundDocument);
  const remove = useMutation(DeleteRoundDocument);
  const error = archive.error ?? remove.error;
  const setArchived = async (archived: boolean) => {
    if (await archive.mutate({ id: round.id, archived })) onChanged();
  };
  const deleteRound = async () => {
    if (await remove.mutate({ id: round.id })) {
      navigate('/organizer', { replace: true });
      onChanged();
    }
  };
  return (
    <details className="subpanel housekeeping">
      <summary>{t('round.house.title')}</summary>
      <div className="house-actions">
        {round.archivedAt ? (
          <button type="button" className="button" disabled={archive.pending} onClick={() => void setArchived(false)}>
            {t('round.house.unarchive')}
          </button>
        ) : (
          <ConfirmAction
            danger={false}
            label={t('round.house.archive')}
            question={t('round.house.confirmArchive', { name: round.name })}
            disabled={archive.pending}
            onConfirm={() => setArchived(true)}
          />
        )}
        {round.status === 'DRAFT' ? (
          <ConfirmAction
            label={t('round.house.delete')}
            question={t('round.house.confirmDelete', { name: round.name, entries: round.entries.length, judges: round.judges.length })}
            disabled={remove.pending}
            onConfirm={deleteRound}
          />
        ) : (
          <p className="muted small">{t('round.house.cannotDelete')}</p>
        )}
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </details>
  );
}

/** The same for a competition: deleting only while no round has left DRAFT. */
export function CompetitionHousekeeping({ competition, onChanged }: { competition: CompetitionSummary; onChanged: () => void }) {
  const { t } = useI18n();
  const archive = useMutation(ArchiveCompetitionDocument);
  const remove = useMutation(DeleteCompetitionDocument);
  const error = archive.error ?? remove.error;
  const deletable = competition.rounds.every((r) => r.status === 'DRAFT');
  const setArchived = async (archived: boolean) => {
    if (await archive.mutate({ id: competition.id, archived })) onChanged();
  };
  const deleteCompetition = async () => {
    if (await remove.mutate({ id: competition.id })) {
      navigate('/organizer', { replace: true });
      onChanged();
    }
  };
  return (
    <details className="competition-house">
      <summary>{t('round.house.competition')}</summary>
      <div className="house-actions">
        {competition.archivedAt ? (
          <button type="button" className="button button-small" disabled={archive.pending} onClick={() => void setArchived(false)}>
            {t('round.house.unarchiveCompetition')}
          </button>
        ) : (
          <ConfirmAction
            small
            danger={false}
            label={t('round.house.archiveCompetition')}
            question={t('round.house.confirmArchiveCompetition', { name: competition.name })}
            disabled={archive.pending}
            onConfirm={() => setArchived(true)}
          />
        )}
        {deletable ? (
          <ConfirmAction
            small
            label={t('round.house.deleteCompetition')}
            question={t('round.house.confirmDeleteCompetition', { name: competition.name, rounds: competition.rounds.length })}
            disabled={remove.pending}
            onConfirm={deleteCompetition}
          />
        ) : (
          <p className="muted small">{t('round.house.cannotDeleteCompetition')}</p>
        )}
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </details>
  );
}
