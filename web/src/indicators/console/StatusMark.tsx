import { useI18n } from '../../i18n';
import type { CellStatus } from './values';

export type MarkStatus = CellStatus | 'unsaved' | 'invalid';

/** A sign and a word for a value's state, never colour alone: ○ 未录入, ◔ 待审核, ✓ 已审核, ✎ 未保存, ⚠ 有误. */
const ICONS: Record<MarkStatus, string> = { missing: '○', ENTERED: '◔', VERIFIED: '✓', unsaved: '✎', invalid: '⚠' };

export function StatusMark({ status }: { status: MarkStatus }) {
  const { t } = useI18n();
  return (
    <span className={`status-mark status-${status.toLowerCase()}`}>
      <span aria-hidden="true">{ICONS[status]}</span> {t(`indicators.status.${status}`)}
    </span>
  );
}
