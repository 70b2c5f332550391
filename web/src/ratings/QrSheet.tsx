import { QrImage } from '../components/QrImage';
import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note } from '../components/ui';
import { UnitServicePointsDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { absoluteRatingUrl } from './model';
import { servicePointsPath } from './paths';
import { byName, useCampaigns } from './ServicePointsPage';
import '../results/print.css';
import './ratings.css';

/**
 * A unit's rating cards on A4, six to a page, to cut out and put on each counter: the
 * unit, the point, a large QR code of the point's rating page (the full address, so any
 * phone camera opens it), 扫码评价 and the code in letters for a support call. `?point=`
 * prints one card (a rotated code). Buttons stay off the paper.
 */
export function QrSheet() {
  const { t } = useI18n();
  const { query } = useLocation();
  const unitId = query.get('unit') ?? '';
  const campaignId = query.get('campaign');
  const only = query.get('point');
  const points = useQuery(UnitServicePointsDocument, { unitId }, { skip: !unitId });
  const { campaigns } = useCampaigns();
  const campaign = campaigns.find((c) => c.id === campaignId);
  if (!unitId) return <Note kind="warn">{t('ratings.cards.noUnit')}</Note>;
  if (!points.data) return points.error ? <ErrorNote error={points.error} onRetry={() => void points.refetch()} /> : <Loading />;
  const list = byName(points.data.servicePoints).filter((p) => !only || p.id === only);
  const unitName = list[0]?.unit.name ?? '';
  return (
    <div className="print-doc rate-cards-doc" data-testid="rate-cards">
      <div className="print-toolbar no-print">
        <Link to={servicePointsPath(campaignId, unitId)}>{t('ratings.cards.back')}</Link>
        <span className="muted small">{t('ratings.cards.hint', { n: list.length })}</span>
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {t('ratings.cards.print')}
        </button>
      </div>
      <h1 className="visually-hidden">{t('ratings.cards.title', { unit: unitName })}</h1>
      {list.length === 0 ? <Note>{t('ratings.cards.none')}</Note> : null}
      <div className="rate-cards">
        {list.map((point) => {
          const url = absoluteRatingUrl(point.ratingUrl);
          return (
            <article
              key={point.id}
              className="rate-card"
              aria-label={t('ratings.cards.cardLabel', { unit: point.unit.name, name: point.name })}
              data-point={point.id}
            >
              <p className="rate-card-head">
                <span className="rate-card-title">{campaign ? campaign.name : t('ratings.cards.heading')}</span>
              </p>
              <p className="rate-card-unit">{point.unit.name}</p>
              <p className="rate-card-point">
                {point.name}
                <span className="rate-card-kind">{t(`ratings.kind.${point.kind}`)}</span>
              </p>
              <QrImage
                url={url}
                label={t('ratings.cards.qrLabel', { name: point.name })}
                className="rate-qr"
                testId="rate-qr"
                errorCorrection="Q"
                width={560}
              />
              <p className="rate-card-call">{t('ratings.cards.scan')}</p>
              <p className="rate-card-how">{t('ratings.cards.how')}</p>
              <p className="rate-card-code">
                <span className="rate-card-code-caption">{t('ratings.cards.code')}</span>
                <span className="mono">{point.code}</span>
              </p>
            </article>
          );
        })}
      </div>
    </div>
  );
}
