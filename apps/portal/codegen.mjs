// GraphQL Code Generator: the portal's types come from the committed schema
// (apps/gateway/schema.gql) and the operations written in the portal's source,
// never by hand. `npm run codegen` writes apps/portal/src/api/generated/ (committed);
// test/portal-codegen.spec.ts fails when that folder is stale.
// KRING_CODEGEN_OUT lets that test generate into a temporary folder.
const out = process.env.KRING_CODEGEN_OUT ?? 'apps/portal/src/api/generated/';

/** @type {import('@graphql-codegen/cli').CodegenConfig} */
export default {
  schema: 'apps/gateway/schema.gql',
  documents: ['apps/portal/src/**/*.{ts,tsx}', '!apps/portal/src/api/generated/**'],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    [out]: {
      preset: 'client',
      // `gql` marks an operation; the portal's `graphql()` sends it.
      presetConfig: { gqlTagName: 'gql', fragmentMasking: false },
      config: {
        // Documents as typed strings: the portal posts the text it was written as, no GraphQL parser in the bundle.
        documentMode: 'string',
        enumsAsConst: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        skipTypename: true,
      },
    },
  },
};
