import { useMemo } from 'react';
import { useQuery } from '../../api/hooks';
import { DirectoryUnitsDocument } from '../../gql/graphql';
import { unitRecord } from './api';
import { indexUnits, joinPath, type UnitIndex } from './units';

export interface Directory {
  units: UnitIndex | undefined;
  error: ReturnType<typeof useQuery>['error'];
  refetch: () => Promise<void>;
}

/** Every unit the organizer sees, indexed as a tree. */
export function useDirectory(): Directory {
  const { data, error, refetch } = useQuery(DirectoryUnitsDocument, {});
  const units = useMemo(() => (data ? indexUnits(data.units.map(unitRecord)) : undefined), [data]);
  return { units, error, refetch };
}

/** Units as options of a select, each named by its full path and sorted by it. */
export function unitOptions(units: UnitIndex, exclude?: string): { id: string; path: string }[] {
  return [...units.byId.values()]
    .filter((u) => u.id !== exclude)
    .map((u) => ({ id: u.id, path: joinPath(units.pathOf(u.id)) }))
    .sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
}
