import { ApiError } from '../api/client';
import { describeIssue, issuesOf, type Issue, type IssueWording } from '../api/errors';
import { ErrorNote } from '../components/ui';
import { useI18n } from '../i18n';

/**
 * An API failure for the person: invalid input as a list, one sentence per problem,
 * naming the field and its place 1-based ("第 3 个指标的「满意值」…"); anything else as
 * the usual error note. `word` may replace an issue's sentence (e.g. to name a cell).
 */
export function ApiProblems({
  error,
  wording,
  word,
  onRetry,
}: {
  error: unknown;
  wording?: IssueWording;
  word?: (issue: Issue) => string | null;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  const issues = error instanceof ApiError && error.code === 'BAD_USER_INPUT' ? issuesOf(error) : [];
  if (issues.length === 0) return <ErrorNote error={error} onRetry={onRetry} wording={wording} />;
  const sentences = [...new Set(issues.map((issue) => word?.(issue) ?? describeIssue(t, issue.code ? issue : { ...issue, code: 'BAD_FORMAT' }, wording)))];
  return (
    <div className="note note-error" role="alert" data-testid="api-problems">
      <div>
        <p>{t('indicators.problems.intro', { n: sentences.length })}</p>
        <ul>
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
