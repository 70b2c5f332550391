import { useI18n } from '../../i18n';
import './phone.css';

/**
 * Asked before a form with unsent marks is left — because the host put someone else on stage
 * (`stage`), or because the judge tapped another entry. Non-modal and pinned to the top of the
 * phone's screen, so the marks being typed stay where they are until the judge decides.
 */
export function LeavePrompt({ stage, to, from, onStay, onLeave }: { stage: boolean; to: string; from: string; onStay: () => void; onLeave: () => void }) {
  const { t } = useI18n();
  return (
    <div className="leave-prompt" role="alert" data-testid="leave-prompt">
      <p className="leave-prompt-title">{stage ? t('live.phone.stageChanged', { who: to }) : t('live.phone.leaveTitle', { who: to })}</p>
      <p>{t('live.phone.unsent', { who: from })}</p>
      <div className="leave-prompt-actions">
        <button type="button" className="button-primary" onClick={onStay}>
          {stage ? t('live.phone.stayThenFollow') : t('live.phone.stay')}
        </button>
        <button type="button" className="button" onClick={onLeave}>
          {stage ? t('live.phone.discardAndFollow') : t('live.phone.discardAndLeave')}
        </button>
      </div>
    </div>
  );
}

/** Who is on stage while the judge looks at another entry, with a way back. */
export function StageStrip({ who, onGo }: { who: string; onGo: () => void }) {
  const { t } = useI18n();
  return (
    <div className="stage-strip" data-testid="stage-strip">
      <span>
        <span className="stage-strip-label">{t('live.phone.onStage')}</span> {who}
      </span>
      <button type="button" className="button-small" onClick={onGo}>
        {t('live.phone.goToStage')}
      </button>
    </div>
  );
}
