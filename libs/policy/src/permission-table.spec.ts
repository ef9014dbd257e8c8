import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { permissionPage } from './permission-table';

const PAGE = join(process.cwd(), 'docs/permissions.md');

describe('docs/permissions.md', () => {
  it('is the permission table of permissions.ts, in words (KRING_WRITE_DOCS=1 rewrites it)', () => {
    const expected = permissionPage();
    if (process.env.KRING_WRITE_DOCS === '1') writeFileSync(PAGE, expected);
    expect(readFileSync(PAGE, 'utf8')).toBe(expected);
  });
});
