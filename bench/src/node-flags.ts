import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The gateway's entry point, as `npm start`, `start:prod` and the image's CMD name it. */
const GATEWAY_ENTRY = 'dist/apps/gateway/src/main.js';

/** The flags `node` gets in front of the gateway's entry point, from one command line's words. */
export function nodeFlagsOf(words: readonly string[]): string[] {
  const entry = words.indexOf(GATEWAY_ENTRY);
  return words.slice(words.indexOf('node') + 1, entry < 0 ? undefined : entry).filter((word) => word.startsWith('--'));
}

/** The words of one of package.json's scripts. */
export function scriptWords(name: string, root: string = process.cwd()): string[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return (scripts[name] ?? '').split(/\s+/);
}

/** What production runs the gateway with: the flags of `node` in package.json's start:prod. */
export function productionNodeFlags(root: string = process.cwd()): string[] {
  return nodeFlagsOf(scriptWords('start:prod', root));
}
