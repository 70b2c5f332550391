import type { Resolvers } from '../generated/types.js';
import { toConnection } from './scalars.js';

export const rubricResolvers: Resolvers = {
  Query: {
    rubric: (_, { id, version }, { services }) => services.rubrics.getRubric(id, version),
    rubrics: async (_, args, { services }) => toConnection(await services.rubrics.listRubrics(args)),
  },
  Mutation: {
    createRubric: (_, { input }, { viewer, services }) => services.rubrics.createRubric(viewer!, input),
    updateRubric: (_, { id, input }, { viewer, services }) => services.rubrics.updateRubric(viewer!, id, input),
  },
  Rubric: {
    maxTotal: (rubric) => Number(rubric.maxTotal),
  },
  Criterion: {
    maxScore: (c) => Number(c.maxScore),
    weight: (c) => Number(c.weight),
    step: (c) => Number(c.step),
  },
};
