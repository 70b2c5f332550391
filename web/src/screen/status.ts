import type { LeaderboardVisibility, RoundStatus } from '../gql/graphql';
import type { MessageKey } from '../i18n';

/**
 * What the hall's screen may claim about a round. The screen is public, so it follows the
 * round's visibility even when an organizer's session drives it (the API would show an
 * organizer the scores early): scores appear only once viewers may see them, and only an
 * open round whose scores are public is "live".
 */
export interface ScreenStatus {
  /** The status line: 实时 / 评分进行中 / 评分已结束 / 最终成绩 / 评分尚未开始. */
  label: MessageKey;
  /** An open round with public scores: the board follows the judges as they score. */
  live: boolean;
  /** Ranks and totals may be shown. */
  scoresShown: boolean;
  /** When scores are hidden: when they will be shown. */
  hiddenUntil: MessageKey | null;
  /** Sheets received per entry are worth showing (while judges are still scoring). */
  progress: boolean;
}

export function screenStatus(status: RoundStatus, visibility: LeaderboardVisibility): ScreenStatus {
  switch (status) {
    case 'DRAFT':
      return { label: 'screen.status.draft', live: false, scoresShown: false, hiddenUntil: null, progress: false };
    case 'OPEN': {
      const live = visibility === 'LIVE';
      return {
        label: live ? 'screen.status.live' : 'screen.status.scoring',
        live,
        scoresShown: live,
        hiddenUntil: live ? null : visibility === 'AFTER_PUBLISH' ? 'screen.hidden.afterPublish' : 'screen.hidden.afterClose',
        progress: true,
      };
    }
    case 'CLOSED': {
      const shown = visibility !== 'AFTER_PUBLISH';
      return { label: 'screen.status.closed', live: false, scoresShown: shown, hiddenUntil: shown ? null : 'screen.hidden.afterPublish', progress: false };
    }
    case 'PUBLISHED':
      return { label: 'screen.status.published', live: false, scoresShown: true, hiddenUntil: null, progress: false };
  }
}
