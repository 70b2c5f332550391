import type { LeaderboardVisibility, RoundStatus } from '../gql/graphql';
import type { MessageKey } from '../i18n';

/**
 * What the hall's screen may claim about a round. The screen is public, so it follows the
 * round's visibility even when an organizer's session drives it (the API would show an
 * organizer the scores early): scores appear only once viewers may see them, and only an
 * open round whose scores are public is "live".
 */
export interface ScreenStatus {
  /** The status line: 实时 / 评分进行中 / 评分已结束 / 最终成绩 / 评分尚未开始 (考核… for indicator rounds). */
  label: MessageKey;
  /** An open round with public scores: the board follows the judges (or the verified values) as they come. */
  live: boolean;
  /** Ranks and totals may be shown. */
  scoresShown: boolean;
  /** When scores are hidden: when they will be shown. */
  hiddenUntil: MessageKey | null;
  /** Sheets received (verified values) per entry are worth showing: the round is still open. */
  progress: boolean;
}

/** How the round is assessed: judges scoring on stage, measured indicators (实绩比拼) or citizens' ratings (群众评议). */
export type ScreenMethod = 'PANEL' | 'INDICATORS' | 'PUBLIC_RATING';

export function screenStatus(status: RoundStatus, visibility: LeaderboardVisibility, method: ScreenMethod = 'PANEL'): ScreenStatus {
  const indicators = method === 'INDICATORS';
  const ratings = method === 'PUBLIC_RATING';
  switch (status) {
    case 'DRAFT':
      return {
        label: ratings ? 'ratings.screen.status.draft' : indicators ? 'screen.ind.status.draft' : 'screen.status.draft',
        live: false,
        scoresShown: false,
        hiddenUntil: null,
        progress: false,
      };
    case 'OPEN': {
      // ON_REVEAL is live too: the API shows an entry's total and rank once it has been revealed (亮分).
      const live = visibility === 'LIVE' || visibility === 'ON_REVEAL';
      // An indicator round is 考核进行中 (a ratings round 评议进行中) whether or not its scores are public; live shows in the dot.
      const label = ratings ? 'ratings.screen.status.open' : indicators ? 'screen.ind.status.open' : live ? 'screen.status.live' : 'screen.status.scoring';
      const afterClose = ratings ? 'ratings.screen.hidden.afterClose' : indicators ? 'screen.ind.hidden.afterClose' : 'screen.hidden.afterClose';
      return {
        label,
        live,
        scoresShown: live,
        hiddenUntil: live ? null : visibility === 'AFTER_PUBLISH' ? 'screen.hidden.afterPublish' : afterClose,
        progress: true,
      };
    }
    case 'CLOSED': {
      const shown = visibility !== 'AFTER_PUBLISH';
      return {
        label: ratings ? 'ratings.screen.status.closed' : indicators ? 'screen.ind.status.closed' : 'screen.status.closed',
        live: false,
        scoresShown: shown,
        hiddenUntil: shown ? null : 'screen.hidden.afterPublish',
        progress: false,
      };
    }
    case 'PUBLISHED':
      return { label: 'screen.status.published', live: false, scoresShown: true, hiddenUntil: null, progress: false };
  }
}
