import type { ContentCache } from '../cache/open-cache.js';
import { UnreadableFileError } from '../errors.js';
import type { Problem, RepoPath, RepoSnapshot } from '../types.js';
import type { BuildInvocation } from './build-invocation.js';
import { cachedComposeBuilds } from './cached-compose-builds.js';
import { classifyBuildFile } from './classify-build-file.js';
import { unreadableFile } from './discovery-problems.js';
import { readBakeFile } from './read-bake-file.js';
import { readComposeFile } from './read-compose-file.js';
import type { ConfigCall } from './resolve-build-command.js';
import { scanTextScript, type ScanResult } from './scan-text-script.js';
import { scanYamlScript } from './scan-yaml-script.js';

/**
 * Reads every compose file and build script of the snapshot (skipping
 * `excluded` paths) and returns the builds they describe. Files without the
 * word `build` are not parsed: most scripts in a monorepo have nothing to say.
 */
export async function scanBuildFiles(
  snapshot: RepoSnapshot,
  isExcluded: (path: string) => boolean,
  /** Keeps parsed compose files by content id. */
  cache?: ContentCache,
): Promise<{ invocations: BuildInvocation[]; problems: Problem[] }> {
  const files = [...snapshot.files].filter((f) => classifyBuildFile(f) !== undefined && !isExcluded(f)).sort();
  const results = await Promise.all(files.map((file) => scanFile(file, snapshot, cache)));
  const calls = results.flatMap((r) => r.configCalls ?? []).filter((call) => !isExcluded(call.config));
  const joined = await Promise.all(calls.map((call) => scanConfigCall(call, snapshot)));
  // A config some script runs is read with that script's source folder and substitutions, not on its own.
  const called = new Set(calls.map((call) => call.config));
  const standalone = results.filter((_, i) => !called.has(files[i] as RepoPath));
  return {
    invocations: [...standalone, ...joined].flatMap((r) => r.invocations),
    problems: standalone.flatMap((r) => r.problems),
  };
}

/**
 * A Cloud Build config run by `gcloud builds submit --config X SOURCE
 * --substitutions …`: its steps see SOURCE as the workspace and the
 * substitutions filled in, which the config read on its own lacks. A
 * reusable workflow reads its caller's inputs; a bake file named by
 * `docker buildx bake -f` takes its paths from where the script runs.
 */
async function scanConfigCall(call: ConfigCall, snapshot: RepoSnapshot): Promise<{ invocations: BuildInvocation[] }> {
  const text = await snapshot.read(call.config).then((b) => b.toString('utf8'), () => undefined);
  if (text === undefined) return { invocations: [] };
  // The origin stays the config's line (`file:line`, which selection and incremental checks read).
  if (call.kind === 'bake') return { invocations: readBakeFile(text, call.config, call.source, snapshot).invocations };
  return { invocations: scanYamlScript(text, call.config, call.source, snapshot, call.substitutions).invocations };
}

async function scanFile(file: RepoPath, snapshot: RepoSnapshot, cache: ContentCache | undefined): Promise<ScanResult> {
  const kind = classifyBuildFile(file);
  if (!kind) return { invocations: [], problems: [] };
  let text: string;
  try {
    text = (await snapshot.read(file)).toString('utf8');
  } catch (error) {
    const reason = error instanceof UnreadableFileError ? error.reason : String(error);
    return { invocations: [], problems: [unreadableFile(file, 0, reason)] };
  }
  if (kind.kind !== 'bake' && !text.includes('build')) return { invocations: [], problems: [] };
  if (kind.kind === 'compose') return readComposeFile(text, file, snapshot, cachedComposeBuilds(text, snapshot.contentId(file), cache));
  if (kind.kind === 'bake') return readBakeFile(text, file, kind.here, snapshot);
  if (kind.kind === 'yaml') return scanYamlScript(text, file, kind.bases[0] ?? ('' as RepoPath), snapshot);
  return scanTextScript(text, kind.kind, { file, here: kind.here, bases: kind.bases }, snapshot);
}
