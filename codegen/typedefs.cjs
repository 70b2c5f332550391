// GraphQL Code Generator plugin: emits the schema as a string constant so the
// server never reads SDL from disk at runtime (a bundled Lambda has no schema/ folder).
const { printSchema } = require('graphql');

module.exports = {
  plugin(schema) {
    return `/** The SDL of schema/, printed by codegen. */\nexport const typeDefs = ${JSON.stringify(printSchema(schema))};\n`;
  },
};
