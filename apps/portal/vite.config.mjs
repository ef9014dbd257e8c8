// The portal's build: plain Vite (its own oxc transform does JSX), no plugins. The output
// goes into dist/portal, which the gateway serves at `/` (apps/gateway/src/portal).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(process.cwd(), 'apps/portal');

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // The library files the portal may import: plain data, no node code (apps/portal/tsconfig.json names them too).
  resolve: {
    alias: {
      '@kring/audit/vocabulary': resolve(process.cwd(), 'libs/audit/src/access-log-vocabulary.ts'),
      '@kring/social-map/vocabulary': resolve(process.cwd(), 'libs/social-map/src/social-map-vocabulary.ts'),
      '@kring/social-map/municipalities': resolve(process.cwd(), 'libs/social-map/src/municipalities.ts'),
    },
  },
  build: {
    outDir: resolve(process.cwd(), 'dist/portal'),
    emptyOutDir: true,
    // No inline scripts or styles: the gateway's Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  server: {
    // `npm run portal:dev` with a gateway on :3000: the API is proxied (its live connection too),
    // so the portal still talks only to its own origin.
    proxy: { '/graphql': { target: 'http://127.0.0.1:3000', ws: true }, '/access-log': 'http://127.0.0.1:3000', '/dev': 'http://127.0.0.1:3000' },
  },
});
