import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDefaultConfig, type DockguardConfig } from '../../src/config/schema.js';
import { analyzeDependencies, createDependencyContext } from '../../src/deps/analyze-dependencies.js';
import { loadBuildContext } from '../../src/dockerfile/build-context.js';
import { buildImageModel } from '../../src/dockerfile/build-image-model.js';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { asRepoPath, type ExternalImport, type ParsedModule, type ServiceAnalysis } from '../../src/types.js';
import { git } from '../helpers/fixture-repo.js';

const created: string[] = [];

export interface InlineService {
  /** Repository files; `Dockerfile` at the root is the service (context `.`). */
  files: Record<string, string>;
  /** Third-party imports of `app.py`, one per line; `?name` = guarded; `ns:a,b` = `from ns import a, b`. */
  imports?: string[];
  /** Parsed modules of the closure, for usage rules. */
  modules?: Record<string, Partial<ParsedModule>>;
  programs?: string[];
  config?: Partial<DockguardConfig>;
}

/** Writes the files into a real temporary git repository and runs the dependency stage on its Dockerfile. */
export async function analyzeInline(service: InlineService): Promise<ServiceAnalysis> {
  const root = mkdtempSync(path.join(tmpdir(), 'dockguard-deps-'));
  created.push(root);
  for (const [file, text] of Object.entries(service.files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  const snapshot = await createWorktreeSnapshot(root);
  const dockerfile = asRepoPath('Dockerfile');
  const context = await loadBuildContext(snapshot, { context: asRepoPath(''), dockerfile, gcloudUpload: false });
  const image = buildImageModel({ dockerfile, text: service.files.Dockerfile ?? '', context, buildArgs: {} });
  const externalImports: ExternalImport[] = (service.imports ?? []).map((spec, i) => {
    const [module = '', names] = spec.replace(/^\?/, '').split(':');
    const at = (name: string): ExternalImport => ({ module: name, file: asRepoPath('app.py'), line: i + 1, guarded: spec.startsWith('?'), chain: [{ file: 'app.py', line: i + 1, module: name }] });
    return { ...at(module), ...(names ? { importedNames: names.split(',').map((name) => at(`${module}.${name}`)) } : {}) };
  });
  const modules = new Map(Object.entries(service.modules ?? {}).map(([file, m]) => [asRepoPath(file), { imports: [], dynamicCandidates: [], computedImports: [], syntaxErrors: [], calls: [], strings: [], ...m }]));
  const analysis: ServiceAnalysis = {
    service: { dockerfile, context: asRepoPath(''), contextSource: 'config', buildArgs: {}, roots: [], gcloudUpload: false },
    status: 'checked', image,
    launch: { program: service.programs?.[0], programs: service.programs ?? ['python'], roots: [], sysPath: [], sysPathTail: [], description: '', fallback: false, problems: [] },
    entrypoints: [], missing: [], syntaxErrors: [], unreadable: [], externalImports, reachedFiles: [], launchFiles: [], modules, problems: [],
  };
  const ctx = await createDependencyContext(snapshot, { ...createDefaultConfig(), ...service.config }, {});
  analysis.dependencies = await analyzeDependencies(analysis, ctx);
  return analysis;
}

export function removeInlineRepos(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** `ImportRef` for `import <module>` / `from <module> import <names>` at `line`. */
export const ref = (module: string, line: number, names: string[] = []) => ({ module, level: 0, names, line, guarded: false, dynamic: false });
