import { ConflictError, InvalidInputError } from '../../domain/errors.js';
import type { MethodConfig } from '../../domain/method.js';
import type { Round, Rubric } from '../../domain/model.js';
import { DEFAULT_RULE, ruleIssues, type ScoringRule } from './rule.js';

/** A judged panel's configuration: the rubric version pinned at creation and the rule that turns sheets into a total. */
export interface PanelConfig extends MethodConfig, ScoringRule {
  readonly kind: 'PANEL';
  /** Copied whole, so that scoring never depends on a second read. */
  rubric: Rubric;
}

/** Rule fields as an input gives them: absent or null leaves the base value. */
export type RuleInput = { [K in keyof ScoringRule]?: ScoringRule[K] | null };

/** The given rule fields over `base`, checked against the rubric; every problem is reported at once. */
export function mergeRule(base: ScoringRule, input: RuleInput, rubric: Rubric, path: string): ScoringRule {
  const rule: ScoringRule = {
    trimHighest: input.trimHighest ?? base.trimHighest,
    trimLowest: input.trimLowest ?? base.trimLowest,
    trimScope: input.trimScope ?? base.trimScope,
    aggregate: input.aggregate ?? base.aggregate,
    normalization: input.normalization ?? base.normalization,
    quorum: input.quorum ?? base.quorum,
    quorumMode: input.quorumMode ?? base.quorumMode ?? 'FIXED',
    tieBreakers: input.tieBreakers ?? base.tieBreakers,
    rounding: input.rounding ?? base.rounding ?? 'FINAL',
    classes: input.classes ?? base.classes ?? [],
    missingClass: input.missingClass ?? base.missingClass ?? 'UNRANKED',
  };
  const issues = ruleIssues(rule, rubric.criteria, path);
  if (issues.length > 0) throw new InvalidInputError(issues);
  return rule;
}

export function panelConfig(rubric: Rubric, input: RuleInput, path: string): PanelConfig {
  return { kind: 'PANEL', rubric, ...mergeRule(DEFAULT_RULE, input, rubric, path) };
}

export const isPanel = (config: MethodConfig): config is PanelConfig => config.kind === 'PANEL';

/**
 * The round as a judged panel, for the panel's own use cases (sheets, judges,
 * protocols); a round of another method is refused with CONFLICT WRONG_METHOD.
 */
export function asPanelRound(round: Round): Round<PanelConfig> {
  if (!isPanel(round.method)) throw new ConflictError(`The round is assessed by ${round.method.kind}, not by a judging panel`, 'WRONG_METHOD');
  return round as Round<PanelConfig>;
}
