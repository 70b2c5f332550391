import type { Store } from '../store/index.js';
import { CompetitionService } from './competitions.js';
import { DirectoryService } from './directory.js';
import { RubricService } from './rubrics.js';
import { ScoringService } from './scoring.js';

export interface Services {
  store: Store;
  directory: DirectoryService;
  rubrics: RubricService;
  competitions: CompetitionService;
  scoring: ScoringService;
}

export function createServices(store: Store, now: () => Date = () => new Date()): Services {
  const rubrics = new RubricService(store, now);
  return {
    store,
    directory: new DirectoryService(store, now),
    rubrics,
    competitions: new CompetitionService(store, rubrics, now),
    scoring: new ScoringService(store, now),
  };
}
