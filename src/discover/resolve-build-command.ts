import type { Problem, RepoPath, RepoSnapshot } from '../types.js';
import type { BuildInvocation } from './build-invocation.js';
import { contextNotFound, dockerfileNotFound } from './discovery-problems.js';
import { GUESSED_ROOT_MARK, HERE_MARK, isUnresolved, ROOT_MARK } from './expand-word.js';
import type { BuildCommand } from './parse-build-command.js';
import { joinRepoPath } from './repo-path.js';

/** Where a build command was written and which folders it may run from, most likely first. */
export interface CommandSite {
  file: RepoPath;
  line: number;
  /** The script's own folder, for `$(dirname "$0")`-style paths. */
  here: RepoPath;
  bases: readonly RepoPath[];
}

export type Resolution = { invocation: BuildInvocation } | { problem: Problem } | undefined;

/** `gcloud builds submit --config X [SOURCE]`: config X runs with SOURCE as its workspace; or `docker buildx bake -f X`. */
export interface ConfigCall {
  kind: 'cloudbuild' | 'workflow' | 'bake';
  config: RepoPath;
  /** The uploaded folder: relative paths in the config start here. */
  source: RepoPath;
  substitutions: Record<string, string>;
  /** `deploy.sh:12`. */
  origin: string;
}

/** Where a `gcloud builds submit --config` call's config and source are: the first base holding both. */
export function resolveConfigCall(command: BuildCommand, site: CommandSite, snapshot: RepoSnapshot): ConfigCall | undefined {
  if (command.config === undefined || isUnknownPath(command.config) || isUnknownPath(command.context)) return undefined;
  for (const base of site.bases) {
    const config = toRepoPath(command.config, base, site.here);
    const source = toRepoPath(command.context, base, site.here);
    if (config !== undefined && source !== undefined && snapshot.files.has(config) && snapshot.dirs.has(source)) {
      const substitutions: Record<string, string> = {};
      for (const [key, value] of command.substitutions ?? []) if (!isUnknownPath(value)) substitutions[key] = value;
      return { kind: command.kind === 'bake' ? 'bake' : 'cloudbuild', config, source, substitutions, origin: `${site.file}:${site.line}` };
    }
  }
  return undefined;
}

/**
 * Turns a build command into repository paths: the first base under which
 * the Dockerfile and the context exist wins. Commands whose paths depend on
 * unknown variables are dropped (the Dockerfile then falls back to
 * inference); a concrete path that is not there is a problem.
 */
export function resolveBuildCommand(command: BuildCommand, site: CommandSite, snapshot: RepoSnapshot): Resolution {
  const words = command.file === undefined ? [command.context] : [command.context, command.file];
  if (words.some(isUnknownPath)) return undefined;
  const guessed = words.some((w) => w.startsWith(GUESSED_ROOT_MARK));
  let first: { dockerfile: RepoPath | undefined; context: RepoPath | undefined } | undefined;
  for (const base of site.bases) {
    const context = toRepoPath(command.context, base, site.here);
    const dockerfile = command.file === undefined ? context && joinRepoPath(context, 'Dockerfile') : toRepoPath(command.file, base, site.here);
    first ??= { dockerfile, context };
    if (dockerfile !== undefined && context !== undefined && snapshot.files.has(dockerfile) && snapshot.dirs.has(context)) {
      return { invocation: toInvocation(command, site, dockerfile, context) };
    }
  }
  // Cloud Run falls back to buildpacks without a Dockerfile; a guessed root is only a guess.
  if (guessed || command.kind === 'gcloud-run' || first?.dockerfile === undefined) return undefined;
  if (snapshot.files.has(first.dockerfile)) {
    return { problem: contextNotFound(site.file, site.line, first.dockerfile, first.context ?? command.context) };
  }
  return { problem: dockerfileNotFound(site.file, site.line, first.dockerfile) };
}

function toInvocation(command: BuildCommand, site: CommandSite, dockerfile: RepoPath, context: RepoPath): BuildInvocation {
  const buildArgs: Record<string, string> = {};
  // A value from an unknown variable is dropped so the Dockerfile's own default applies.
  for (const [key, value] of command.buildArgs) if (!isUnknownPath(value)) buildArgs[key] = value;
  const invocation: BuildInvocation = {
    dockerfile,
    context,
    source: 'script',
    origin: `${site.file}:${site.line}`,
    buildArgs,
    gcloudUpload: command.kind !== 'docker',
  };
  if (command.target !== undefined && !isUnknownPath(command.target)) invocation.target = command.target;
  const tags = (command.tags ?? []).filter((tag) => !isUnknownPath(tag));
  if (tags.length > 0) invocation.tags = tags;
  return invocation;
}

function isUnknownPath(word: string): boolean {
  const rest = word.replace(/^\u0000(?:root|guessed-root|here)\u0000/, '');
  return rest.includes('\u0000') || isUnresolved(rest);
}

function toRepoPath(word: string, base: RepoPath, here: RepoPath): RepoPath | undefined {
  for (const [mark, anchor] of [[ROOT_MARK, ''], [GUESSED_ROOT_MARK, ''], [HERE_MARK, here]] as const) {
    if (word.startsWith(mark)) return joinRepoPath(anchor, word.slice(mark.length).replace(/^\/+/, ''));
  }
  return joinRepoPath(base, word);
}
