import type { Resolvers } from '../generated/types.js';
import { toConnection } from './scalars.js';

export const directoryResolvers: Resolvers = {
  Query: {
    units: (_, { parentId }, { services }) => services.directory.listUnits(parentId),
    unit: (_, { id }, { loaders }) => loaders.unit.load(id),
    cadres: async (_, args, { services }) => toConnection(await services.directory.listCadres(args)),
    cadre: (_, { id }, { loaders }) => loaders.cadre.load(id),
  },
  Mutation: {
    createUnit: (_, { input }, { services }) => services.directory.createUnit(input),
    upsertCadres: (_, { input }, { services }) => services.directory.upsertCadres(input),
  },
  Unit: {
    parent: (unit, _, { loaders }) => (unit.parentId ? loaders.unit.load(unit.parentId) : null),
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
