import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The flags `node` gets in front of the gateway's entry point, in one command line. */
function nodeFlags(words: readonly string[]): string[] {
  const entry = words.indexOf('dist/apps/gateway/src/main.js');
  return words.slice(words.indexOf('node') + 1, entry).filter((word) => word.startsWith('--'));
}

describe('the gateway starts with the same Node.js flags everywhere', () => {
  const root = process.cwd();
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const production = nodeFlags((scripts['start:prod'] ?? '').split(/\s+/));

  it('production limits the heap (the benchmark measures the gateway with these flags)', () => {
    expect(production).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
  });

  it('npm start runs the gateway with the flags of start:prod', () => {
    expect(nodeFlags((scripts['start'] ?? '').split(/\s+/))).toEqual(production);
  });

  it("the container image's CMD runs it with the flags of start:prod", () => {
    const cmd = readFileSync(join(root, 'deploy', 'Dockerfile'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('CMD ['));
    expect(cmd).toBeDefined();
    expect(nodeFlags(JSON.parse((cmd as string).slice('CMD '.length)) as string[])).toEqual(production);
  });
});
