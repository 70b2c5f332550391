import { ID_PREFIX } from '../../domain/ids.js';
import type { Resolvers } from '../generated/types.js';
import { toConnection } from './scalars.js';

export const directoryResolvers: Resolvers = {
  Query: {
    units: (_, { parentId }, { services }) => services.directory.listUnits(parentId),
    unit: (_, { id }, { loaders }) => loaders.unit.load(id),
    cadres: async (_, args, { services }) => toConnection(await services.directory.listCadres(args)),
    cadre: (_, { id }, { loaders }) => loaders.cadre.load(id),
    changeLog: (_, { subjectId }, { services }) =>
      subjectId.startsWith(ID_PREFIX.rubric) ? services.rubrics.changes(subjectId) : services.directory.changes(subjectId),
  },
  Mutation: {
    createUnit: (_, { input }, { viewer, services }) => services.directory.createUnit(viewer!, input),
    updateUnit: (_, { id, input }, { viewer, services }) => services.directory.updateUnit(viewer!, id, input),
    upsertCadres: (_, { input }, { viewer, services }) => services.directory.upsertCadres(viewer!, input),
    grantEditor: async (_, { subjectId, userId }, { viewer, services }) => {
      if (subjectId.startsWith(ID_PREFIX.rubric)) await services.rubrics.grantEditor(viewer!, subjectId, userId);
      else await services.directory.grantUnitEditor(viewer!, subjectId, userId);
      return true;
    },
  },
  Unit: {
    parent: (unit, _, { loaders }) => (unit.parentId ? loaders.unit.load(unit.parentId) : null),
    ownerId: (unit) => unit.ownerId ?? null,
  },
  ChangeRecord: {
    before: (change) => (change.before === null || change.before === undefined ? null : JSON.stringify(change.before)),
    after: (change) => (change.after === null || change.after === undefined ? null : JSON.stringify(change.after)),
  },
  Cadre: {
    unit: async (cadre, _, { loaders }) => {
      if (cadre.unitSnapshot) return cadre.unitSnapshot;
      const unit = await loaders.unit.load(cadre.unitId);
      if (!unit) throw new Error(`cadre ${cadre.id} refers to missing unit ${cadre.unitId}`);
      return unit;
    },
  },
};
