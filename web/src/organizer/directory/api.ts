import { request } from '../../api/client';
import {
  DirectoryCadresDocument,
  DirectoryUnitsDocument,
  type DirectoryCadreFragment,
  type DirectoryCadresQuery,
  type DirectoryUnitFragment,
} from '../../gql/graphql';
import type { CadreValues } from './roster';
import type { UnitRecord } from './units';

/** The directory's reads that span several pages. */

/** The API's largest page. */
export const MAX_PAGE = 200;

export const unitRecord = (u: DirectoryUnitFragment): UnitRecord => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parent?.id ?? null });

export const cadreValues = (c: DirectoryCadreFragment): CadreValues => ({
  id: c.id,
  name: c.name,
  unitId: c.unit.id,
  position: c.position,
  grade: c.grade,
  birthYear: c.birthYear,
});

export async function fetchUnits(): Promise<UnitRecord[]> {
  return (await request(DirectoryUnitsDocument, {})).units.map(unitRecord);
}

/** Every cadre (of one unit, or all), following the pages. */
export async function fetchAllCadres(unitId?: string, onPage?: (count: number) => void): Promise<CadreValues[]> {
  const out: CadreValues[] = [];
  let after: string | null = null;
  for (;;) {
    const page: DirectoryCadresQuery = await request(DirectoryCadresDocument, {
      ...(unitId ? { unitId } : {}),
      first: MAX_PAGE,
      ...(after ? { after } : {}),
    });
    const { edges, pageInfo } = page.cadres;
    out.push(...edges.map((e) => cadreValues(e.node)));
    onPage?.(out.length);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return out;
    after = pageInfo.endCursor;
  }
}
