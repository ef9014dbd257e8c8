import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFlagsOf, productionNodeFlags, scriptWords } from '../bench/src/node-flags';

describe('the gateway starts with the same Node.js flags everywhere', () => {
  const root = process.cwd();
  const production = productionNodeFlags(root);

  it('production limits the heap (the benchmark measures the gateway with these flags)', () => {
    expect(production).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
    // A young generation sized for 32 reads in flight (docs/decisions.md, Running the gateway).
    expect(production).toContainEqual(expect.stringMatching(/^--max-semi-space-size=\d+$/));
  });

  it('npm start runs the gateway with the flags of start:prod', () => {
    expect(nodeFlagsOf(scriptWords('start', root))).toEqual(production);
  });

  it("the container image's CMD runs it with the flags of start:prod", () => {
    const cmd = readFileSync(join(root, 'deploy', 'Dockerfile'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('CMD ['));
    expect(cmd).toBeDefined();
    expect(nodeFlagsOf(JSON.parse((cmd as string).slice('CMD '.length)) as string[])).toEqual(production);
  });
});
