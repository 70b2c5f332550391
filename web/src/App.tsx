import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { AUTH_CALLBACK_PATH, signOut } from './auth/adapter';
import { AuthCallback } from './auth/AuthCallback';
import { hasRole, homeOf, seatExpired } from './auth/session';
import { useSession } from './auth/useSession';
import { SignIn } from './auth/SignIn';
import { useI18n } from './i18n';
import { JudgeHome } from './judge/JudgeHome';
import { JudgeRound } from './judge/JudgeRound';
import { JoinPage } from './hall/phone/JoinPage';
import { VotePage } from './hall/audience/VotePage';
import { SeatExpired } from './hall/phone/SeatExpired';
import { Loading } from './components/ui';
import { Link, match, navigate, useLocation } from './router';

// Judges' phones load only what judging needs; the console and the big screen come on demand.
const OrganizerConsole = lazy(() => import('./organizer/OrganizerConsole').then((m) => ({ default: m.OrganizerConsole })));
const BigScreen = lazy(() => import('./screen/BigScreen').then((m) => ({ default: m.BigScreen })));
const ResultsPage = lazy(() => import('./results/ResultsPage').then((m) => ({ default: m.ResultsPage })));
const PrintSheet = lazy(() => import('./results/PrintSheet').then((m) => ({ default: m.PrintSheet })));
const ProtocolPrint = lazy(() => import('./results/ProtocolPrint').then((m) => ({ default: m.ProtocolPrint })));
const SeatCards = lazy(() => import('./hall/console/SeatCards').then((m) => ({ default: m.SeatCards })));
const ScreenPicker = lazy(() => import('./screen/ScreenPicker').then((m) => ({ default: m.ScreenPicker })));
const DirectoryPage = lazy(() => import('./organizer/directory/DirectoryPage').then((m) => ({ default: m.DirectoryPage })));
const NoticePage = lazy(() => import('./hall/notice/NoticePage').then((m) => ({ default: m.NoticePage })));
const IndicatorSetsPage = lazy(() => import('./indicators/sets/IndicatorSetsPage').then((m) => ({ default: m.IndicatorSetsPage })));
const ServicePointsPage = lazy(() => import('./ratings/ServicePointsPage').then((m) => ({ default: m.ServicePointsPage })));
const QrSheet = lazy(() => import('./ratings/QrSheet').then((m) => ({ default: m.QrSheet })));

export function App() {
  const { path } = useLocation();
  const current = useSession();
  const user = current && !current.expired && !seatExpired(current) ? current.user : null;
  const home = current && user ? homeOf(current) : '/';

  // Signed in on the sign-in page: go to the user's home.
  useEffect(() => {
    if (user && (path === '/' || path === '/signin')) navigate(home, { replace: true });
  }, [user, path, home]);

  // Anyone, signed in or not: a judge joining a seat by its code, the public notice (公示).
  const join: Record<string, string> | null = path === '/join' ? {} : match('/join/:code', path);
  if (join) {
    return (
      <Shell>
        <JoinPage key={join.code ?? ''} code={join.code} />
      </Shell>
    );
  }
  // An attendee voting with a ballot's QR code (群众评委), anonymous.
  const vote = match('/vote/:token', path);
  if (vote) {
    return (
      <Shell>
        <VotePage key={vote.token} token={vote.token!} />
      </Shell>
    );
  }
  const notice = match('/notice/:roundId', path);
  if (notice) {
    return (
      <Shell>
        <NoticePage roundId={notice.roundId!} />
      </Shell>
    );
  }
  // A seat has no account to sign in with: say whom to ask.
  if (seatExpired(current)) {
    return (
      <Shell>
        <SeatExpired />
      </Shell>
    );
  }

  if (path === AUTH_CALLBACK_PATH) {
    return (
      <Shell>
        <AuthCallback />
      </Shell>
    );
  }

  if (!user || path === '/' || path === '/signin') {
    return (
      <Shell>
        <SignIn expired={!!current?.expired} />
      </Shell>
    );
  }

  const screen = match('/screen/:roundId', path);
  if (screen) {
    return (
      <Suspense fallback={<Loading />}>
        <BigScreen roundId={screen.roundId!} />
      </Suspense>
    );
  }
  if (path === '/screen') {
    return (
      <Shell>
        <ScreenPicker />
      </Shell>
    );
  }

  const judgeRound = match('/judge/rounds/:roundId', path);
  if (judgeRound && hasRole(user, 'judge')) {
    return (
      <Shell>
        <JudgeRound roundId={judgeRound.roundId!} />
      </Shell>
    );
  }
  if (path === '/judge' && hasRole(user, 'judge')) {
    return (
      <Shell>
        <JudgeHome />
      </Shell>
    );
  }
  // Results, the 成绩单 and a protocol first: `/organizer/rounds/:roundId` is the console.
  const results = match('/organizer/rounds/:roundId/results', path);
  const printSheet = match('/organizer/rounds/:roundId/print', path);
  const seatCards = match('/organizer/rounds/:roundId/seats/print', path);
  const protocol = match('/organizer/entries/:entryId/protocol', path);
  if ((results || printSheet || seatCards || protocol) && hasRole(user, 'organizer')) {
    return (
      <Shell wide>
        {results ? <ResultsPage roundId={results.roundId!} /> : null}
        {printSheet ? <PrintSheet roundId={printSheet.roundId!} /> : null}
        {seatCards ? <SeatCards roundId={seatCards.roundId!} /> : null}
        {protocol ? <ProtocolPrint entryId={protocol.entryId!} /> : null}
      </Shell>
    );
  }
  if (path === '/organizer/directory' && hasRole(user, 'organizer')) {
    return (
      <Shell wide>
        <DirectoryPage />
      </Shell>
    );
  }
  if (path === '/organizer/service-points/print' && hasRole(user, 'organizer')) {
    return (
      <Shell wide>
        <QrSheet />
      </Shell>
    );
  }
  if (path === '/organizer/service-points' && hasRole(user, 'organizer')) {
    return (
      <Shell wide>
        <ServicePointsPage />
      </Shell>
    );
  }
  if (path === '/organizer/indicator-sets' && hasRole(user, 'organizer')) {
    return (
      <Shell wide>
        <IndicatorSetsPage />
      </Shell>
    );
  }
  const organizerRound = match('/organizer/rounds/:roundId', path);
  if ((path === '/organizer' || organizerRound) && hasRole(user, 'organizer')) {
    return (
      <Shell wide>
        <OrganizerConsole roundId={organizerRound?.roundId} />
      </Shell>
    );
  }
  return <Redirect to={home} />;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** The link the page belongs to: the longest one the path starts with (/organizer/directory, not /organizer). */
function currentLink(links: readonly { to: string }[], path: string): string | undefined {
  return links
    .map((l) => l.to)
    .filter((to) => path === to || path.startsWith(`${to}/`))
    .sort((a, b) => b.length - a.length)[0];
}

function Shell({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t, lang, setLang } = useI18n();
  const current = useSession();
  const user = current && !current.expired && !seatExpired(current) ? current.user : null;
  const seat = current?.seat ?? null;
  const { path } = useLocation();
  // A seat (joined by code) judges one round only: no navigation beyond it.
  const links =
    user && !seat
      ? [
          hasRole(user, 'judge') ? { to: '/judge', label: t('nav.judge') } : null,
          hasRole(user, 'organizer') ? { to: '/organizer', label: t('nav.organizer') } : null,
          hasRole(user, 'organizer') ? { to: '/organizer/directory', label: t('directory.nav') } : null,
          hasRole(user, 'organizer') ? { to: '/organizer/indicator-sets', label: t('indicators.nav') } : null,
          hasRole(user, 'organizer') ? { to: '/organizer/service-points', label: t('ratings.nav') } : null,
          { to: '/screen', label: t('nav.screen') },
        ].filter((l): l is { to: string; label: string } => l !== null)
      : [];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to={current && user ? homeOf(current) : seat ? '/join' : '/'} className="brand">
            <span className="brand-mark" aria-hidden="true">
              赛
            </span>
            <span className="brand-text">{t('app.title')}</span>
          </Link>
          {links.length > 0 ? (
            <nav aria-label={t('nav.main')} className="topnav">
              {links.map((l) => (
                <Link key={l.to} to={l.to} aria-current={currentLink(links, path) === l.to ? 'page' : undefined}>
                  {l.label}
                </Link>
              ))}
            </nav>
          ) : null}
          <div className="topbar-tools">
            {user ? (
              <span className="whoami">
                <span className="whoami-name">{seat ? `${seat.label} ${user.name}` : user.name}</span>
                {user.roles.length > 0 ? <span className="whoami-roles">{user.roles.map((role) => t(`role.${role}`)).join(' · ')}</span> : null}
              </span>
            ) : null}
            <button
              type="button"
              className="button-ghost"
              lang={lang === 'en' ? 'zh-CN' : 'en'}
              aria-label={t('nav.languageLabel')}
              onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
            >
              {t('nav.language')}
            </button>
            {user ? (
              <button type="button" className="button-ghost" onClick={() => void signOut()}>
                {seat ? t('live.phone.leaveSeat') : t('nav.signOut')}
              </button>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" className={wide ? 'page page-wide' : 'page'} tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </>
  );
}
