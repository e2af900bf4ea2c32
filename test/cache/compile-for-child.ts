import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/**
 * Transpiles the given src files (relative to src/) into `outDir` as ESM, so a
 * plain `node` child process can import them: concurrency tests need real
 * separate processes, and vitest's transform only exists in its own workers.
 */
export function compileForChild(outDir: string, files: string[]): void {
  for (const file of files) {
    const source = readFileSync(path.join(SRC, file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    });
    const out = path.join(outDir, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
}
