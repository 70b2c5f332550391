import { useId, useState } from 'react';
import { TabList } from '../../components/TabList';
import { useI18n } from '../../i18n';
import type { AdjustmentRecord, IndicatorRoundRecord, ValueRecord } from '../model';
import { Adjustments } from './Adjustments';
import { ProgressPanel } from './ProgressPanel';
import { ValueGrid } from './ValueGrid';
import { ValueImport } from './ValueImport';
import { VerifyQueue } from './VerifyQueue';
import type { Me } from './words';

const TABS = ['entry', 'import', 'verify', 'adjust', 'progress'] as const;
type Tab = (typeof TABS)[number];

/**
 * An OPEN indicator round's work, one tab each: 数据录入, 导入, 审核, 加减分, 进度. Every
 * panel stays mounted, so values typed in the grid survive a look at another tab.
 */
export function ConsoleTabs({
  round,
  values,
  adjustments,
  paths,
  me,
  onValuesChanged,
}: {
  round: IndicatorRoundRecord;
  values: readonly ValueRecord[];
  adjustments: readonly AdjustmentRecord[];
  paths: ReadonlyMap<string, readonly string[]>;
  me: Me;
  onValuesChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [tab, setTab] = useState<Tab>('entry');
  const [drafts, setDraftsState] = useState<Map<string, string>>(new Map());
  const setDrafts = (update: (d: Map<string, string>) => Map<string, string>) => setDraftsState((d) => update(d));

  const waiting = values.filter((v) => v.status === 'ENTERED');
  const verifiable = waiting.filter((v) => v.enteredBy !== me.id).length;
  const pendingAdjustments = adjustments.filter((a) => a.status === 'PENDING').length;
  const labels: Record<Tab, string> = {
    entry: t('indicators.tab.entry'),
    import: t('indicators.tab.import'),
    verify: waiting.length ? t('indicators.tab.verifyCount', { n: waiting.length, mine: verifiable }) : t('indicators.tab.verify'),
    adjust: pendingAdjustments ? t('indicators.tab.adjustCount', { n: pendingAdjustments }) : t('indicators.tab.adjust'),
    progress: t('indicators.tab.progress'),
  };

  return (
    <div className="console-tabs">
      <TabList tabs={TABS} current={tab} onSelect={setTab} label={(name) => labels[name]} ariaLabel={t('indicators.tab.label')} idPrefix={id} />
      {TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`${id}-panel-${name}`}
          aria-labelledby={`${id}-tab-${name}`}
          hidden={tab !== name}
          className="tab-panel"
          tabIndex={-1}
        >
          {name === 'entry' ? <ValueGrid round={round} values={values} drafts={drafts} setDrafts={setDrafts} onSaved={onValuesChanged} /> : null}
          {name === 'import' ? <ValueImport round={round} values={values} paths={paths} onImported={onValuesChanged} /> : null}
          {name === 'verify' ? <VerifyQueue round={round} values={values} me={me} onVerified={onValuesChanged} /> : null}
          {name === 'adjust' ? <Adjustments round={round} adjustments={adjustments} me={me} editable onChanged={onValuesChanged} /> : null}
          {name === 'progress' ? <ProgressPanel round={round} values={values} /> : null}
        </div>
      ))}
    </div>
  );
}
