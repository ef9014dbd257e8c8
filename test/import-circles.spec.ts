import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * No import circle in apps/ or libs/: a reader can start at any file and never come back
 * to it by following imports. Type-only imports count too: a circle of types is still two
 * files that cannot be understood (or moved) one without the other. Imports are resolved
 * by TypeScript itself, with each project's own settings (the `@kring/*` paths of the root
 * tsconfig, the portal's bundler resolution), so what is checked is what the compiler sees.
 */

const ROOT = process.cwd();
const PROJECTS = ['tsconfig.json', 'apps/portal/tsconfig.json'];
const CHECKED = /^(apps|libs)\//;

type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** Every file of the projects under apps/ and libs/, with the files of the same folders it imports. */
function importGraph(): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const project of PROJECTS) {
    const configFile = join(ROOT, project);
    const read = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path));
    if (read.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, join(configFile, '..'));
    const cache = ts.createModuleResolutionCache(ROOT, (name) => name, parsed.options);
    for (const file of parsed.fileNames) {
      const from = relative(ROOT, file);
      if (!CHECKED.test(from) || graph.has(from)) continue;
      const text = ts.sys.readFile(file) ?? '';
      const imported = ts.preProcessFile(text, true, true).importedFiles;
      const targets = new Set<string>();
      for (const { fileName } of imported) {
        const resolved = ts.resolveModuleName(fileName, file, parsed.options, ts.sys, cache).resolvedModule;
        if (resolved === undefined || resolved.isExternalLibraryImport === true) continue;
        const to = relative(ROOT, resolved.resolvedFileName);
        if (CHECKED.test(to)) targets.add(to);
      }
      graph.set(from, [...targets].sort());
    }
  }
  return graph;
}

/**
 * Every circle of the graph, each named by one path around it (`a → b → a`): the strongly
 * connected components (Tarjan) of more than one file, or of a file that imports itself.
 */
function importCircles(graph: ImportGraph): string[] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const to of graph.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file) as number, index.get(to) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) components.push(component);
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components.map((component) => pathAround(graph, new Set(component)).join(' → ')).sort();
}

/** One way around a circle: from its first file (by name) back to it, through files of the circle only (breadth first, so the shortest). */
function pathAround(graph: ImportGraph, circle: ReadonlySet<string>): string[] {
  const start = [...circle].sort()[0] as string;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const to of graph.get(file) ?? []) {
      if (!circle.has(to)) continue;
      if (to === start) {
        const between: string[] = [];
        for (let at = file; at !== start; at = cameFrom.get(at) as string) between.unshift(at);
        return [start, ...between, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, file);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

describe('import circles', () => {
  it('no file of apps/ or libs/ comes back to itself by following its imports', () => {
    const graph = importGraph();
    // The walk saw the code (the gateway, the libraries, the portal), not an empty folder.
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('apps/gateway/src/gateway.module.ts')).toContain('apps/gateway/src/identity/identity.module.ts');
    expect(importCircles(graph)).toEqual([]);
  });

  it('names a circle by the path around it, however long, and a file that imports itself', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['a.ts']],
    ]);
    expect(importCircles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts', 'e.ts → e.ts']);
  });
});
