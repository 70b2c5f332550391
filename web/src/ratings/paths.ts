/** The ratings pages' addresses. */

/** Service points of a unit, in a campaign: `/organizer/service-points?campaign=…&unit=…`. */
export function servicePointsPath(campaignId?: string | null, unitId?: string | null): string {
  const params = new URLSearchParams();
  if (campaignId) params.set('campaign', campaignId);
  if (unitId) params.set('unit', unitId);
  const search = params.toString();
  return `/organizer/service-points${search ? `?${search}` : ''}`;
}

/** The printable QR cards of a unit's points (A4). */
export function qrSheetPath(unitId: string, campaignId?: string | null): string {
  const params = new URLSearchParams({ unit: unitId });
  if (campaignId) params.set('campaign', campaignId);
  return `/organizer/service-points/print?${params}`;
}
