import { useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { IndicatorSetDetailDocument, IndicatorSetListDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { numberText, type IndicatorSetRecord, type IndicatorSetSummary } from '../model';
import { SetEditor } from './SetEditor';
import '../indicators.css';

/**
 * 指标体系: the organizer's indicator sets at their latest versions, each with its
 * sections and indicators at a glance; a new set, or a revision saved as the next
 * version (rounds keep the version they were created with).
 */
export function IndicatorSetsPage() {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(IndicatorSetListDocument, {});
  const [editing, setEditing] = useState<{ set: IndicatorSetRecord | null; key: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const editorRef = useRef<HTMLElement>(null);
  const sets = data?.indicatorSets.edges.map((e) => e.node) ?? [];

  useEffect(() => {
    if (editing) editorRef.current?.scrollIntoView({ block: 'start' });
  }, [editing]);

  const open = (set: IndicatorSetRecord | null) => {
    setDone(null);
    setEditing({ set, key: Date.now() });
  };
  // A revision starts from the set in full: every parameter of every indicator.
  const revise = async (summary: IndicatorSetSummary) => {
    setLoadError(null);
    setLoading(summary.id);
    try {
      const { indicatorSet } = await request(IndicatorSetDetailDocument, { id: summary.id });
      if (!indicatorSet) throw new ApiError('NOT_FOUND', summary.id);
      open(indicatorSet);
    } catch (error) {
      setLoadError(error instanceof ApiError ? error : String(error));
    } finally {
      setLoading(null);
    }
  };

  return (
    <div className="indicator-sets">
      <h1>{t('indicators.sets.title')}</h1>
      <p className="muted">{t('indicators.sets.intro')}</p>
      <section className="panel" aria-labelledby="sets-list-title">
        <div className="panel-head">
          <h2 id="sets-list-title">{t('indicators.sets.list')}</h2>
          <button type="button" className="button-primary" onClick={() => open(null)}>
            {t('indicators.sets.new')}
          </button>
        </div>
        {done ? (
          <Note kind="ok" live>
            {done}
          </Note>
        ) : null}
        {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
        {loadError ? <ErrorNote error={loadError} /> : null}
        {!data && !error ? <Loading /> : null}
        {data && sets.length === 0 ? <Note>{t('indicators.sets.none')}</Note> : null}
        {data?.indicatorSets.pageInfo.hasNextPage ? <Note>{t('indicators.sets.more', { n: sets.length })}</Note> : null}
        <ul className="set-list">
          {sets.map((set) => (
            <li key={set.id} data-set-id={set.id}>
              <div className="set-summary">
                <h3>
                  {set.name} <span className="muted small">{t('indicators.sets.version', { version: set.version, total: numberText(set.fullMark) })}</span>
                </h3>
                <p className="small">
                  {set.sections
                    .map((s) =>
                      t('indicators.sets.sectionSummary', {
                        label: s.label,
                        full: numberText(s.fullMark),
                        n: set.indicators.filter((i) => i.section === s.key).length,
                      }),
                    )
                    .join('；')}
                </p>
                <details>
                  <summary className="summary-link">{t('indicators.sets.showIndicators', { n: set.indicators.length })}</summary>
                  <ul className="set-indicators small">
                    {set.indicators.map((i) => (
                      <li key={i.key}>
                        {i.label}
                        {i.unit ? `（${i.unit}）` : ''} · {t(`indicators.method.${i.method}`)} · {t('indicators.sets.points', { points: numberText(i.weight) })}
                        {i.ratio ? ` · ${t('indicators.sets.ratio')}` : ''}
                      </li>
                    ))}
                  </ul>
                </details>
              </div>
              <button
                type="button"
                className="button"
                disabled={loading !== null}
                aria-label={t('indicators.sets.editLabel', { name: set.name })}
                onClick={() => void revise(set)}
              >
                {t('indicators.sets.edit')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {editing ? (
        <section className="panel" aria-labelledby="set-editor-title" ref={editorRef}>
          <h2 id="set-editor-title">{editing.set ? t('indicators.sets.editTitle', { name: editing.set.name }) : t('indicators.sets.newTitle')}</h2>
          <SetEditor
            key={editing.key}
            set={editing.set}
            onSaved={(saved) => {
              setEditing(null);
              setDone(t('indicators.sets.saved', { name: saved.name, version: saved.version, total: numberText(saved.fullMark) }));
              void refetch();
            }}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : null}
    </div>
  );
}
