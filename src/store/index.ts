import { ApiKeyStore } from './apiKeys.js';
import { BallotStore } from './ballots.js';
import type { Dynamo } from './client.js';
import { CompetitionStore } from './competitions.js';
import { DirectoryStore } from './directory.js';
import { EntryStore } from './entries.js';
import { IndicatorEvidenceStore, IndicatorSetStore } from './indicators.js';
import { HallStore } from './hall.js';
import { PanelStore } from './panels.js';
import { PublicationStore } from './publication.js';
import { RatingStore } from './ratings.js';
import { SeatStore } from './seats.js';
import { RejectionStore } from './rejections.js';
import { EnrolmentStore } from './enrolment.js';
import { RoundStore } from './rounds.js';
import { RubricStore } from './rubrics.js';
import { SheetStore } from './sheets.js';
import type { TableNames } from './tables.js';

export interface Store {
  directory: DirectoryStore;
  apiKeys: ApiKeyStore;
  rubrics: RubricStore;
  competitions: CompetitionStore;
  rounds: RoundStore;
  entries: EntryStore;
  panels: PanelStore;
  rejections: RejectionStore;
  enrolment: EnrolmentStore;
  sheets: SheetStore;
  indicatorSets: IndicatorSetStore;
  indicatorEvidence: IndicatorEvidenceStore;
  hall: HallStore;
  seats: SeatStore;
  publication: PublicationStore;
  ratings: RatingStore;
  ballots: BallotStore;
}

export function createStore(db: Dynamo, tables: TableNames): Store {
  return {
    directory: new DirectoryStore(db, tables.directory),
    apiKeys: new ApiKeyStore(db, tables.directory),
    rubrics: new RubricStore(db, tables.rubrics),
    competitions: new CompetitionStore(db, tables.competitions),
    rounds: new RoundStore(db, tables.competitions),
    entries: new EntryStore(db, tables.competitions),
    panels: new PanelStore(db, tables.competitions),
    rejections: new RejectionStore(db, tables.competitions),
    enrolment: new EnrolmentStore(db, tables.competitions),
    sheets: new SheetStore(db, tables.competitions),
    indicatorSets: new IndicatorSetStore(db, tables.rubrics),
    indicatorEvidence: new IndicatorEvidenceStore(db, tables.competitions),
    hall: new HallStore(db, tables.competitions),
    seats: new SeatStore(db, tables.competitions),
    publication: new PublicationStore(db, tables.competitions),
    ratings: new RatingStore(db, tables.competitions),
    ballots: new BallotStore(db, tables.competitions),
  };
}

export type { Dynamo } from './client.js';
export { createDynamo } from './client.js';
export type { TableNames } from './tables.js';
