// ESLint flat config. Type-aware: the rules we care about (floating promises,
// exhaustive switches) need the type checker, so every .ts file is linted
// against the root tsconfig.json. Run as `npm run lint` (--max-warnings 0).
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const GRAPHQL_DATE_SCALARS = { name: '@nestjs/graphql', importNames: ['GraphQLISODateTime', 'GraphQLTimestamp'], message: 'Declare the field as () => Date: the schema maps Date to the strict DateTime scalar.' };
// A sealed field is declared once, in the sealed-fields.ts beside its entity (docs/architecture.md, Vocabulary).
const SEALED_FIELD_DECLARATIONS = { name: '@kring/crypto', importNames: ['declareSealedField', 'declareSealedFields'], message: "Import the declared field from its library's sealed-fields.ts; declare a new one there." };

export default defineConfig(
  {
    // Build output, local data and generated results are not source. Only .ts is
    // linted: the .js/.mjs/.cjs files (tool configs at the top, Jest global setup in
    // test/setup) are outside the tsconfig, so type-aware rules cannot run on them.
    ignores: [
      'dist/**',
      'node_modules/**',
      '.kring/**',
      'coverage/**',
      'bench/results/**',
      'apps/portal/dist/**',
      '**/*.{js,mjs,cjs}',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // Nest reads constructor parameter types from decorator metadata at
        // runtime, so a class imported with `import type` would vanish from the
        // emitted JS and break injection. With these two set,
        // consistent-type-imports leaves files with decorators alone.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      // An unawaited promise loses its error and its ordering (audit writes, transactions).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A new enum member or union case that nobody handles must fail the lint; a `default`
      // does not count as handling a union, or a new member would hide behind it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
      // Type-only imports are erased, so importing a type never loads a module (or causes a cycle).
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Nest's DateTime scalar passes Invalid Date on to PostgreSQL; a `Date` field gets the strict one (gateway.module.ts).
      'no-restricted-imports': [
        'error',
        { paths: [GRAPHQL_DATE_SCALARS, SEALED_FIELD_DECLARATIONS] },
      ],
      // `_` marks a deliberately unused parameter (interface conformance, destructuring to omit).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The declarations of sealed fields: the one place each library names its row kinds.
    files: ['libs/*/src/sealed-fields.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [GRAPHQL_DATE_SCALARS] }] },
  },
  {
    // Tests: supertest response bodies are `any`, and `expect(mock.method)` passes
    // methods unbound on purpose. Production code keeps these rules.
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
