import type { Store } from '../store/index.js';
import { ApiKeyService } from './apiKeys.js';
import { CompetitionService } from './competitions.js';
import { DirectoryService } from './directory.js';
import { ResultsService } from './results.js';
import { RoundService } from './rounds.js';
import { RubricService } from './rubrics.js';
import { ScoringService } from './scoring.js';

export interface Services {
  store: Store;
  directory: DirectoryService;
  rubrics: RubricService;
  competitions: CompetitionService;
  rounds: RoundService;
  results: ResultsService;
  scoring: ScoringService;
  apiKeys: ApiKeyService;
}

export function createServices(store: Store, now: () => Date = () => new Date()): Services {
  const rubrics = new RubricService(store, now);
  const competitions = new CompetitionService(store, now);
  const results = new ResultsService(store, competitions, now);
  return {
    store,
    directory: new DirectoryService(store, now),
    rubrics,
    competitions,
    rounds: new RoundService(store, rubrics, results, now),
    results,
    scoring: new ScoringService(store, results, now),
    apiKeys: new ApiKeyService(store, now),
  };
}
