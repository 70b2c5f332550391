import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note } from '../components/ui';
import {
  CreateServicePointsDocument,
  MoveServicePointDocument,
  RatingCampaignsDocument,
  RotateServicePointCodeDocument,
  UnitServicePointsDocument,
  type ServicePointKind,
} from '../gql/graphql';
import { useI18n } from '../i18n';
import { periodLabel } from '../indicators/round/period';
import { unitOptions, useDirectory } from '../organizer/directory/useDirectory';
import { ConfirmAction } from '../organizer/round/fields';
import { Link, navigate, useLocation } from '../router';
import { absoluteRatingUrl, POINT_KINDS, type PointRecord } from './model';
import { qrSheetPath, servicePointsPath } from './paths';
import { momentText } from './words';
import './ratings.css';

/** Points by name as people count them: 1号窗口, 2号窗口, 10号窗口, then the others. */
export function byName<P extends { name: string }>(points: readonly P[]): P[] {
  return [...points].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
}

/** Campaigns: competitions with at least one ratings round, each with the periods it rates. */
export function useCampaigns() {
  const query = useQuery(RatingCampaignsDocument, {});
  const campaigns = useMemo(
    () =>
      (query.data?.competitions.edges ?? []).flatMap(({ node }) => {
        const rounds = node.rounds.filter((r) => r.method.__typename === 'RatingsMethod');
        return rounds.length ? [{ id: node.id, name: node.name, rounds }] : [];
      }),
    [query.data],
  );
  return { ...query, campaigns };
}

/**
 * 服务点与二维码: a unit's counters, halls, staff and online services that citizens rate,
 * each with its code and rating link. Points are added for a campaign (the competition
 * whose open ratings round their ratings count in); a code can be rotated (the old QR
 * code is refused at once) and a point moved to another unit (ratings already given stay
 * with the old unit). The unit's cards print on A4.
 */
export function ServicePointsPage() {
  const { t } = useI18n();
  const id = useId();
  const { query } = useLocation();
  const campaignId = query.get('campaign') ?? '';
  const unitId = query.get('unit') ?? '';
  const [unitFilter, setUnitFilter] = useState('');
  const directory = useDirectory();
  const { campaigns, error: campaignsError, data: campaignsData, refetch: refetchCampaigns } = useCampaigns();
  const points = useQuery(UnitServicePointsDocument, { unitId }, { skip: !unitId });
  const options = useMemo(() => (directory.units ? unitOptions(directory.units) : []), [directory.units]);
  const shownUnits = unitFilter.trim() ? options.filter((o) => o.path.includes(unitFilter.trim()) || o.id === unitId) : options;
  const campaign = campaigns.find((c) => c.id === campaignId);
  const unitPath = options.find((o) => o.id === unitId)?.path;
  const choose = (next: { campaign?: string; unit?: string }) =>
    navigate(servicePointsPath(next.campaign ?? campaignId, next.unit ?? unitId), { replace: true });

  return (
    <div className="service-points-page" data-testid="service-points">
      <header className="page-head">
        <h1>{t('ratings.points.title')}</h1>
        <p className="muted">{t('ratings.points.intro')}</p>
      </header>
      <section className="panel" aria-labelledby={`${id}-pick`}>
        <h2 id={`${id}-pick`}>{t('ratings.points.pick')}</h2>
        {campaignsError ? <ErrorNote error={campaignsError} onRetry={() => void refetchCampaigns()} /> : null}
        {directory.error ? <ErrorNote error={directory.error} onRetry={() => void directory.refetch()} /> : null}
        {campaignsData && campaigns.length === 0 ? (
          <Note kind="warn">
            {t('ratings.points.noCampaigns')} <Link to="/organizer">{t('ratings.points.toConsole')}</Link>
          </Note>
        ) : null}
        <div className="points-pickers">
          <div className="field">
            <label htmlFor={`${id}-campaign`}>{t('ratings.points.campaign')}</label>
            <select id={`${id}-campaign`} value={campaignId} aria-describedby={`${id}-campaign-hint`} onChange={(e) => choose({ campaign: e.target.value })}>
              <option value="">{t('ratings.points.campaignNone')}</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('ratings.points.campaignOption', {
                    name: c.name,
                    periods: c.rounds.map((r) => (r.method.__typename === 'RatingsMethod' ? periodLabel(t, r.method.period) : r.name)).join('、'),
                  })}
                </option>
              ))}
            </select>
            <span id={`${id}-campaign-hint`} className="muted small">
              {t('ratings.points.campaignHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-filter`}>{t('ratings.points.unitFilter')}</label>
            <input id={`${id}-filter`} type="search" value={unitFilter} onChange={(e) => setUnitFilter(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('ratings.points.unit')}</label>
            {directory.units ? (
              <select id={`${id}-unit`} value={unitId} onChange={(e) => choose({ unit: e.target.value })}>
                <option value="">{t('ratings.points.unitNone')}</option>
                {shownUnits.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.path}
                  </option>
                ))}
              </select>
            ) : (
              <Loading />
            )}
          </div>
        </div>
      </section>

      {unitId ? (
        <section className="panel" aria-labelledby={`${id}-list`}>
          <div className="section-head">
            <h2 id={`${id}-list`}>{t('ratings.points.listTitle', { unit: unitPath ?? '' })}</h2>
            {points.data?.servicePoints.length ? (
              <Link to={qrSheetPath(unitId, campaignId || null)} className="button button-primary">
                {t('ratings.points.print')}
              </Link>
            ) : null}
          </div>
          {points.error ? <ErrorNote error={points.error} onRetry={() => void points.refetch()} /> : null}
          {!points.data && !points.error ? <Loading /> : null}
          {points.data && points.data.servicePoints.length === 0 ? <Note>{t('ratings.points.none')}</Note> : null}
          {points.data?.servicePoints.length ? (
            <PointTable
              points={byName(points.data.servicePoints)}
              unitId={unitId}
              options={options}
              campaignId={campaignId || null}
              onChanged={() => void points.refetch()}
            />
          ) : null}
          {campaign ? (
            <AddPoints unitId={unitId} campaignId={campaign.id} campaignName={campaign.name} onAdded={() => void points.refetch()} />
          ) : (
            <Note kind="warn">{t('ratings.points.pickCampaignToAdd')}</Note>
          )}
        </section>
      ) : (
        <Note>{t('ratings.points.pickUnit')}</Note>
      )}
    </div>
  );
}

/** One point per line: a name and what it is (窗口, 大厅, 工作人员, 网上); 添加一行 for more. */
function AddPoints({ unitId, campaignId, campaignName, onAdded }: { unitId: string; campaignId: string; campaignName: string; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [rows, setRows] = useState<{ name: string; kind: ServicePointKind }[]>([{ name: '', kind: 'COUNTER' }]);
  const [added, setAdded] = useState<number | null>(null);
  const { mutate, pending, error } = useMutation(CreateServicePointsDocument);
  const filled = rows.filter((r) => r.name.trim());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const done = await mutate({ input: { unitId, competitionId: campaignId, points: filled.map((r) => ({ name: r.name.trim(), kind: r.kind })) } });
    if (done) {
      setAdded(done.createServicePoints.length);
      setRows([{ name: '', kind: 'COUNTER' }]);
      onAdded();
    }
  };
  const update = (i: number, next: Partial<{ name: string; kind: ServicePointKind }>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...next } : r)));
  return (
    <form className="subpanel add-points" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="add-points">
      <h3 id={`${id}-title`}>{t('ratings.points.addTitle')}</h3>
      <p className="muted small">{t('ratings.points.addIntro', { campaign: campaignName })}</p>
      <ol className="point-rows">
        {rows.map((row, i) => (
          <li key={i} className="point-row">
            <div className="field">
              <label htmlFor={`${id}-name-${i}`}>{t('ratings.points.name', { n: i + 1 })}</label>
              <input
                id={`${id}-name-${i}`}
                maxLength={60}
                value={row.name}
                placeholder={t('ratings.points.namePlaceholder')}
                onChange={(e) => update(i, { name: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-kind-${i}`}>{t('ratings.points.kind', { n: i + 1 })}</label>
              <select id={`${id}-kind-${i}`} value={row.kind} onChange={(e) => update(i, { kind: e.target.value as ServicePointKind })}>
                {POINT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`ratings.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            {rows.length > 1 ? (
              <button
                type="button"
                className="button-small"
                aria-label={t('ratings.points.removeRow', { n: i + 1 })}
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              >
                {t('ratings.newRound.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={rows.length >= 50}
          onClick={() => setRows((rs) => [...rs, { name: '', kind: rs.at(-1)?.kind ?? 'COUNTER' }])}
        >
          {t('ratings.points.addRow')}
        </button>
        <button type="submit" className="button-primary" disabled={pending || filled.length === 0}>
          {t('ratings.points.create', { n: filled.length })}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {added !== null ? (
        <Note kind="ok" live>
          {t('ratings.points.created', { n: added })}
        </Note>
      ) : null}
    </form>
  );
}

function PointTable({
  points,
  unitId,
  options,
  campaignId,
  onChanged,
}: {
  points: readonly PointRecord[];
  unitId: string;
  options: readonly { id: string; path: string }[];
  campaignId: string | null;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState<Done | null>(null);
  return (
    <>
      {message ? (
        <Note kind="ok" live>
          {message.text}{' '}
          <Link to={`${qrSheetPath(message.unitId, campaignId)}&point=${encodeURIComponent(message.pointId)}`}>{t('ratings.points.printOne')}</Link>
        </Note>
      ) : null}
      <div className="table-wrap">
        <table className="table table-compact point-table" data-testid="point-table">
          <caption className="visually-hidden">{t('ratings.points.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ratings.points.col.name')}</th>
              <th scope="col">{t('ratings.points.col.kind')}</th>
              <th scope="col">{t('ratings.points.col.code')}</th>
              <th scope="col">{t('ratings.points.col.link')}</th>
              <th scope="col">{t('ratings.points.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <PointRow
                key={p.id}
                point={p}
                unitId={unitId}
                options={options}
                onDone={(done) => {
                  setMessage(done);
                  onChanged();
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** What a rotation or a move did, and whose new card to print. */
interface Done {
  text: string;
  pointId: string;
  unitId: string;
}

function PointRow({
  point,
  unitId,
  options,
  onDone,
}: {
  point: PointRecord;
  unitId: string;
  options: readonly { id: string; path: string }[];
  onDone: (done: Done) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const rotate = useMutation(RotateServicePointCodeDocument);
  const move = useMutation(MoveServicePointDocument);
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState('');
  const url = absoluteRatingUrl(point.ratingUrl);
  const targetPath = options.find((o) => o.id === target)?.path ?? '';
  return (
    <tr data-point={point.id}>
      <th scope="row">{point.name}</th>
      <td>{t(`ratings.kind.${point.kind}`)}</td>
      <td>
        <span className="mono point-code" data-testid="point-code">
          {point.code}
        </span>
        {point.rotatedAt ? (
          <span className="muted small point-rotated">{t('ratings.points.rotatedAt', { time: momentText(lang, point.rotatedAt) })}</span>
        ) : null}
      </td>
      <td className="point-link">
        <a href={url} target="_blank" rel="noopener noreferrer" className="mono small">
          {url}
        </a>
      </td>
      <td>
        <div className="point-actions">
          <ConfirmAction
            small
            label={t('ratings.points.rotate')}
            question={t('ratings.points.rotateAsk', { name: point.name })}
            confirmLabel={t('ratings.points.rotateConfirm')}
            onConfirm={async () => {
              const done = await rotate.mutate({ id: point.id });
              if (done) onDone({ text: t('ratings.points.rotated', { name: point.name, code: done.rotateServicePointCode.code }), pointId: point.id, unitId });
            }}
          />
          {moving ? (
            <div className="confirm point-move" role="group" aria-label={t('ratings.points.move')}>
              <div className="field">
                <label htmlFor={`${id}-to`}>{t('ratings.points.moveTo')}</label>
                <select id={`${id}-to`} value={target} onChange={(e) => setTarget(e.target.value)}>
                  <option value="">{t('ratings.points.unitNone')}</option>
                  {options
                    .filter((o) => o.id !== unitId)
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.path}
                      </option>
                    ))}
                </select>
              </div>
              <p className="small">{t('ratings.points.moveExplain', { name: point.name })}</p>
              <div className="row">
                <button
                  type="button"
                  className="button-danger button-small"
                  disabled={!target || move.pending}
                  onClick={async () => {
                    const done = await move.mutate({ id: point.id, unitId: target });
                    if (done) {
                      setMoving(false);
                      onDone({ text: t('ratings.points.moved', { name: point.name, unit: targetPath }), pointId: point.id, unitId: target });
                    }
                  }}
                >
                  {t('ratings.points.moveConfirm')}
                </button>
                <button type="button" className="button-small" onClick={() => setMoving(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button-small" onClick={() => setMoving(true)}>
              {t('ratings.points.move')}
            </button>
          )}
        </div>
        {rotate.error ? <ErrorNote error={rotate.error} /> : null}
        {move.error ? <ErrorNote error={move.error} /> : null}
      </td>
    </tr>
  );
}
