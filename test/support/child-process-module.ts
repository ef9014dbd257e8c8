import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';

export interface TranspiledFolder {
  /** Where `<name>.js` of each `<name>.ts` of the folder is. */
  readonly dir: string;
  remove(): Promise<void>;
}

/**
 * A folder of this repository's TypeScript, made runnable by a plain `node` child process
 * (jest's transform does not reach a child): each file is transpiled on its own, without a
 * type check, to CommonJS in a temporary folder that sees the repository's node_modules.
 * Only relative imports within the folder and packages resolve; that is enough for a
 * library file that a test must run in a process it can kill.
 */
export async function transpileFolder(sourceDir: string): Promise<TranspiledFolder> {
  const root = await mkdtemp(join(tmpdir(), 'kring-child-'));
  const dir = join(root, 'lib');
  await mkdir(dir);
  await symlink(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  await writeFile(join(root, 'package.json'), '{ "type": "commonjs" }\n');
  for (const file of await readdir(sourceDir)) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    const source = await readFile(join(sourceDir, file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true },
    });
    await writeFile(join(dir, file.replace(/\.ts$/, '.js')), outputText);
  }
  return { dir, remove: () => rm(root, { recursive: true, force: true }) };
}
