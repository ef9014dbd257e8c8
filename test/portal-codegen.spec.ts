import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * The portal's types are generated (npm run codegen) from apps/gateway/schema.gql and the
 * operations in apps/portal/src, and committed. A schema or an operation changed without
 * regenerating leaves them stale: the portal would compile against an API that is not there.
 */
describe('the portal\'s generated GraphQL types are current', () => {
  const committed = join(process.cwd(), 'apps/portal/src/api/generated');
  let fresh: string;

  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'kring-codegen-'));
    execFileSync(process.execPath, ['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'apps/portal/codegen.mjs'], {
      env: { ...process.env, KRING_CODEGEN_OUT: `${fresh}/` },
      stdio: 'pipe',
    });
  }, 60_000);
  afterAll(() => {
    rmSync(fresh, { recursive: true, force: true });
  });

  it('regenerating writes the same files (run `npm run codegen` and commit when this fails)', () => {
    expect(readdirSync(fresh).sort()).toEqual(readdirSync(committed).sort());
    for (const file of readdirSync(committed)) {
      expect({ file, text: readFileSync(join(fresh, file), 'utf8') }).toEqual({ file, text: readFileSync(join(committed, file), 'utf8') });
    }
  });
});
