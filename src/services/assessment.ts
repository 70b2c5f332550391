import { own } from '../domain/dict.js';
import { labelOrder } from '../domain/judges.js';
import type { Criterion, Decimal, Judge, Round, ScoreSheet, Viewer } from '../domain/model.js';
import { panelEntry, type PanelEntry } from '../methods/panel/aggregate.js';
import { asPanelRound, type PanelConfig } from '../methods/panel/config.js';
import { panelResult } from '../methods/panel/scoring.js';
import type { Store } from '../store/index.js';
import type { StoredEntry } from '../store/entries.js';
import type { LeaderboardService } from './leaderboard.js';

export interface AssessedSheet {
  sheet: ScoreSheet;
  judge: Judge | undefined;
  /** Whether the caller may see the judge's name and comment. */
  managing: boolean;
  trimmed: boolean;
  /** Criteria whose mark trimming dropped (trimScope CRITERION). */
  trimmedMarks: string[];
  normalizedTotal: Decimal | null;
}

/** A judged panel's protocol of one entry. */
export interface Assessment {
  round: Round<PanelConfig>;
  entry: PanelEntry<StoredEntry>;
  rank: number | null;
  /** False before publication for callers who may not see other judges' marks. */
  sheetsVisible: boolean;
  /** The caller organizes the competition: judges' names and comments are shown. */
  managing: boolean;
  /** False for a judge of a running round: totals, means, rank and trim flags are withheld. */
  aggregates: boolean;
  sheets: AssessedSheet[];
  criteria: { criterion: Criterion; mean: Decimal | null }[];
}

/** An entry's scoring protocol, as far as the caller may see it. */
export class AssessmentService {
  constructor(
    private readonly store: Store,
    private readonly leaderboard: LeaderboardService,
  ) {}

  /**
   * The entry's scoring protocol. Before publication (blind scoring) the competition's
   * organizers see every sheet, a judge only their own, anyone else none.
   */
  async assessment(viewer: Viewer, round: Round, entry: StoredEntry, show: { managing: boolean; aggregates: boolean }): Promise<Assessment> {
    const { managing, aggregates } = show;
    const [sheets, judges, rank] = await Promise.all([
      this.store.sheets.listSheets(entry.id),
      this.store.panels.listJudges(round.id),
      aggregates ? this.leaderboard.rankOf(entry, round) : null,
    ]);
    const judgeById = new Map(judges.map((j) => [j.userId, j]));
    const panelRound = asPanelRound(round);
    const { method } = panelRound;
    const panel = panelEntry(entry);
    const result = panelResult(method.rubric.criteria, method, panel.sheets, panel.normalized ?? undefined);
    const allVisible = round.status === 'PUBLISHED' || managing;
    const visible = allVisible ? sheets : sheets.filter((s) => s.judgeId === viewer.id);
    return {
      round: panelRound,
      entry: panel,
      rank,
      managing,
      aggregates,
      sheetsVisible: allVisible,
      sheets: visible
        .map((sheet) => ({
          sheet,
          judge: judgeById.get(sheet.judgeId),
          managing,
          trimmed: aggregates && result.droppedSheets.includes(sheet.judgeId),
          trimmedMarks: aggregates
            ? Object.entries(result.droppedMarks)
                .filter(([, judgesDropped]) => judgesDropped.includes(sheet.judgeId))
                .map(([key]) => key)
            : [],
          normalizedTotal: aggregates ? (own(panel.normalized, sheet.judgeId) ?? null) : null,
        }))
        .sort((a, b) => labelOrder(a.judge) - labelOrder(b.judge)),
      criteria: method.rubric.criteria.map((criterion) => ({ criterion, mean: aggregates ? (own(panel.criterionValues, criterion.key) ?? null) : null })),
    };
  }
}
