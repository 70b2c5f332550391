import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useQuery } from '../../api/hooks';
import { Loading } from '../../components/ui';
import { ConsoleHallSummaryDocument, type RoundStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { navigate, useLocation } from '../../router';
import { AudienceBallots } from '../audience/AudienceBallots';
import { HostView } from './HostView';
import { LiveSettingsForm } from './LiveSettingsForm';
import { NoticePanel } from './NoticePanel';
import { Seats } from './Seats';
import { SignOffPanel } from './SignOffs';
import { periodEnd, sentenceGap } from './time';
import './hall.css';

export const HALL_TABS = ['round', 'host', 'rules', 'seats', 'audience', 'signoff', 'notice'] as const;
export type HallTab = (typeof HALL_TABS)[number];

/** The round page's address with a tab chosen, e.g. `/organizer/rounds/r1?tab=host`. */
export function hallTabPath(path: string, tab: HallTab): string {
  return tab === 'round' ? path : `${path}?tab=${tab}`;
}

/**
 * A judged round's page, one tab per job: 轮次管理 (the set-up and progress the console
 * always had, `children`), 现场控制 (the host's stage), 现场规则, 评委席位 (QR seats),
 * 群众投票 (audience ballots, only when a class is voted by the audience), 评委签字, and
 * 公示与异议. The tab is in the address (`?tab=host`), so a reload or a
 * second laptop lands on the same view. Only the chosen tab's panel is mounted: the host
 * view polls every second and nothing else should.
 */
export function HallTabs({ roundId, status, onChanged, children }: { roundId: string; status: RoundStatus; onChanged: () => void; children: ReactNode }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { path, query } = useLocation();
  const asked = query.get('tab');
  const tabRefs = useRef<Partial<Record<HallTab, HTMLButtonElement | null>>>({});
  const summary = useQuery(ConsoleHallSummaryDocument, { id: roundId }, { pollMs: 15_000 });
  const round = summary.data?.round;
  // 群众投票 only for a round with a class the audience votes in (known once the summary is in).
  const audience = round?.method.__typename === 'PanelMethod' && round.method.classes.some((c) => c.source === 'AUDIENCE');
  const tabs = HALL_TABS.filter((name) => name !== 'audience' || audience);
  const tab: HallTab = tabs.includes(asked as HallTab) || (asked === 'audience' && !round) ? (asked as HallTab) : 'round';
  // The status line follows the round's status as the page learns it (published, revised).
  const refetchSummary = useRef(summary.refetch);
  refetchSummary.current = summary.refetch;
  const seenStatus = useRef(status);
  useEffect(() => {
    if (seenStatus.current === status) return;
    seenStatus.current = status;
    void refetchSummary.current();
  }, [status]);

  const choose = (next: HallTab) => navigate(hallTabPath(path, next), { replace: true });
  const changed = () => {
    onChanged();
    void summary.refetch();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.indexOf(tab);
    const keys: Record<string, HallTab | undefined> = {
      ArrowRight: tabs[(i + 1) % tabs.length],
      ArrowLeft: tabs[(i + tabs.length - 1) % tabs.length],
      Home: tabs[0],
      End: tabs[tabs.length - 1],
    };
    const next = keys[event.key];
    if (!next) return;
    event.preventDefault();
    choose(next);
    tabRefs.current[next]?.focus();
  };

  const open = round?.openObjectionCount ?? 0;
  const labels: Record<HallTab, string> = {
    round: t('hall.tab.round'),
    host: t('hall.tab.host'),
    rules: t('hall.tab.rules'),
    seats: t('hall.tab.seats'),
    audience: t('hall.tab.audience'),
    signoff: t('hall.tab.signoff'),
    notice: open > 0 ? t('hall.tab.noticeOpen', { n: open }) : t('hall.tab.notice'),
  };

  return (
    <div className="hall-tabs">
      {round && round.status === 'PUBLISHED' ? (
        <p className={round.final ? 'hall-status hall-status-final' : 'hall-status'} data-testid="hall-status">
          {round.final
            ? t('hall.status.final')
            : round.noticeEndsAt
              ? t('hall.status.notice', { end: periodEnd(lang, round.noticeEndsAt) })
              : t('hall.status.published')}
          {open > 0 ? `${sentenceGap(lang)}${t('hall.status.objections', { n: open })}` : ''}
        </p>
      ) : null}
      <div className="hall-tab-list" role="tablist" aria-label={t('hall.tab.label')}>
        {tabs.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className="hall-tab"
            onClick={() => choose(name)}
            onKeyDown={onKeyDown}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="hall-tab-panel" data-tab={tab}>
        {tab === 'round' ? children : null}
        {/* Keyed by status: a round opened, closed, published or revised elsewhere on the page is read afresh. */}
        {tab === 'host' ? <HostView key={status} roundId={roundId} status={status} onShowRules={() => choose('rules')} /> : null}
        {tab === 'rules' ? <LiveSettingsForm key={status} roundId={roundId} onChanged={changed} /> : null}
        {tab === 'seats' ? <Seats key={status} roundId={roundId} /> : null}
        {tab === 'audience' ? round ? <AudienceBallots key={status} roundId={roundId} /> : <Loading /> : null}
        {tab === 'signoff' ? <SignOffPanel key={status} roundId={roundId} /> : null}
        {tab === 'notice' ? <NoticePanel key={status} roundId={roundId} onChanged={changed} /> : null}
      </div>
    </div>
  );
}
