import type { Resolvers } from '../generated/types.js';

export const viewerResolvers: Resolvers = {
  Query: {
    me: (_, __, { viewer }) => viewer!,
  },
};
