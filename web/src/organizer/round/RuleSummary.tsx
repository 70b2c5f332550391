import { useI18n } from '../../i18n';
import type { RuleDraft } from './RuleFields';

/** The round's scoring rule in one sentence, as an organizer would read it out. */
export function RuleSummary({ rule, criteria }: { rule: Omit<RuleDraft, 'leaderboardVisibility'>; criteria: { key: string; label: string }[] }) {
  const { t } = useI18n();
  const parts = [
    rule.trimHighest + rule.trimLowest > 0
      ? t('round.summary.trim', { high: rule.trimHighest, low: rule.trimLowest, scope: t(`round.summary.scope.${rule.trimScope}`) })
      : t('round.summary.noTrim'),
    t('round.summary.aggregate', { aggregate: t(`round.rule.aggregate.${rule.aggregate}`) }),
    rule.normalization === 'ZSCORE' ? t('round.summary.zscore') : null,
    rule.quorumMode === 'ALL_EXPECTED' ? t('round.summary.allExpected') : t('round.summary.fixed', { quorum: rule.quorum }),
    rule.tieBreakers.length > 0
      ? t('round.summary.ties', { list: rule.tieBreakers.map((k) => criteria.find((c) => c.key === k)?.label ?? k).join('、') })
      : null,
  ];
  return <span data-testid="rule-summary">{parts.filter(Boolean).join('；')}</span>;
}
