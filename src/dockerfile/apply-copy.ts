import type { CopyRecord, Problem, RepoPath, WrittenByRun } from '../types.js';
import { describeBaseImage } from './base-image.js';
import type { BuildContext } from './build-context.js';
import { parseIgnoreFile } from './dockerignore.js';
import { expandWord } from './expand-word.js';
import { joinKey, resolveAgainst, toImagePath } from './image-paths.js';
import { MESSAGES } from './messages.js';
import { isRemoteSource } from './normalize-source.js';
import { flagValue, flagValues, isFlagOn, parseCopyArgs } from './parse-copy-args.js';
import type { DockerInstruction } from './parse-dockerfile.js';
import { bucketDirMatches, placeCopyMatch, type SourceDir } from './place-copy-match.js';
import { resolveCopySource } from './resolve-copy-source.js';
import { contextTree, stageTree, type SourceTree } from './source-tree.js';
import { addDir, addFile, addOpaque } from './stage-fs.js';
import type { StageState } from './stage-state.js';
import { lookupIn } from './variables.js';
import { describeMissingSource } from './describe-missing-source.js';

export interface CopyEnvironment {
  dockerfile: RepoPath;
  context: BuildContext | undefined;
  escape: string;
  problems: Problem[];
  /** The final state of a stage named by `--from`; undefined when `ref` is not a stage (an image). */
  resolveStage(ref: string, line: number): StageState | 'cycle' | undefined;
}

const KNOWN_FLAGS = new Set(['from', 'chown', 'chmod', 'link', 'parents', 'exclude', 'checksum', 'keep-git-dir', 'unpack', 'platform']);
const TAR = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;

/** Applies one COPY/ADD to a stage: files, directories, opaque entries, problems and a CopyRecord. */
export function applyCopy(state: StageState, instruction: DockerInstruction, env: CopyEnvironment): void {
  const keyword = instruction.keyword as 'COPY' | 'ADD';
  const line = instruction.line;
  const report = (rule: string, severity: Problem['severity'], message: string): void => {
    env.problems.push({ rule, severity, file: env.dockerfile, line, message });
  };
  const args = parseCopyArgs(instruction);
  if (!args) return report('dockerfile-syntax', 'error', MESSAGES.tooFewArgs(keyword));
  for (const flag of instruction.flags) {
    if (!KNOWN_FLAGS.has(flag.name)) report('dockerfile-syntax', 'error', MESSAGES.unknownFlag(keyword, flag.name));
  }
  const lookup = lookupIn(state.scope);
  const dest = expandWord(args.dest, lookup, env.escape);
  if (dest.unresolved.length > 0) report('unmodelled-source', 'warning', MESSAGES.unresolvedVariable(`${keyword} destination "${args.dest}"`, dest.unresolved));
  const destKey = resolveAgainst(state.workdir, dest.value);
  const destHasSlash = dest.value === '' || dest.value === '.' || dest.value.endsWith('/') || dest.value.endsWith('/.');
  const destWasDir = destHasSlash || state.fs.dirs.has(destKey);
  const from = flagValue(instruction.flags, 'from');
  const sources: string[] = [];
  const sourceDirs: SourceDir[] = [];
  const record: CopyRecord = {
    line, instruction: keyword, sources, dest: dest.value, destPath: toImagePath(destKey), destIsDir: destWasDir,
    workdir: state.workdir, stage: state.label, sourceDirs, ...(from !== undefined ? { from } : {}),
  };
  state.copies.push(record);
  if (destWasDir) addDir(state.fs, destKey);

  // `COPY <<EOF /app/x.py` writes the body to that file: its content is known, from the Dockerfile.
  for (const heredoc of args.heredocs) {
    const key = destWasDir ? joinKey(destKey, heredoc.name) : destKey;
    addFile(state.fs, key, env.dockerfile, line, '\n'.repeat(heredoc.line - 1) + heredoc.content);
  }
  const tree = pickTree(state, from, keyword, destKey, line, env, report, args.sources);
  const parents = isFlagOn(instruction.flags, 'parents');
  const excludes = flagValues(instruction.flags, 'exclude').flatMap((p) => parseIgnoreFile(expandWord(p, lookup, env.escape).value));
  const unpack = flagValue(instruction.flags, 'unpack') !== 'false';
  for (const raw of args.sources) {
    const source = expandWord(raw, lookup, env.escape);
    sources.push(source.value);
    if (source.unresolved.length > 0) {
      report('unmodelled-source', 'warning', MESSAGES.unresolvedVariable(`${keyword} source "${raw}"`, source.unresolved));
      addOpaque(state.fs, destKey, line, `${keyword} ${raw} (a variable with no known value)`, { foreign: true });
      continue;
    }
    if (keyword === 'ADD' && isRemoteSource(source.value)) {
      report('unmodelled-source', 'warning', MESSAGES.remoteSource(source.value));
      addOpaque(state.fs, destKey, line, `ADD ${source.value}`, { foreign: true });
      continue;
    }
    if (!tree) continue;
    const resolved = resolveCopySource(tree.tree, source.value, parents);
    if (resolved.matches.length === 0) {
      const unseen = tree.tree.kind === 'context' && !resolved.isWildcard ? env.context!.unseenReason(resolved.key) : undefined;
      if (tree.tree.kind === 'stage') addOpaque(state.fs, destKey, line, tree.unknownReason(source.value), { writtenBy: tree.writtenBy(resolved.key) });
      else if (unseen !== undefined) {
        report('unmodelled-source', 'warning', MESSAGES.unseenSource(keyword, source.value, unseen));
        addOpaque(state.fs, destKey, line, `${keyword} ${source.value} (${unseen})`, { buildInput: true });
      } else if (!resolved.isWildcard) report('copy-source-missing', 'error', describeMissingSource(keyword, source.value, resolved.key, env.context!));
      continue;
    }
    const dirMatches = resolved.matches.filter((m) => m.isDir).map((m) => m.key);
    const buckets = dirMatches.length > 1 ? bucketDirMatches(tree.tree, dirMatches) : undefined;
    for (const match of resolved.matches) {
      if (keyword === 'ADD' && unpack && !match.isDir && TAR.test(match.key) && tree.tree.kind === 'context') {
        report('unmodelled-source', 'warning', MESSAGES.tarSource(match.key));
        addOpaque(state.fs, destKey, line, `ADD unpacks ${match.key}`, { foreign: true });
        continue;
      }
      const destIsDir = parents || destHasSlash || state.fs.dirs.has(destKey);
      const contents = buckets?.get(match.key);
      if (match.isDir && tree.tree.kind === 'context') addUnseenBelow(state, env.context!, match.key, destKey, line, keyword);
      placeCopyMatch({ fs: state.fs, tree: tree.tree, match, destKey, destIsDir, line, excludes, sourceDirs, upstream: tree.upstream, ...(contents ? { contents } : {}) });
    }
  }
}

function copiesKnownPrograms(image: string, sources: readonly string[]): boolean {
  const base = describeBaseImage(image);
  if (base.kind !== 'known') return false;
  const paths = new Set(Object.values(base.programs));
  return sources.length > 0 && sources.every((s) => paths.has(s.startsWith('/') ? s : `/${s}`));
}

interface PickedTree {
  tree: SourceTree;
  /** sourceDirs of the stage copied from, to map its directories back to the repository. */
  upstream: SourceDir[];
  unknownReason(source: string): string;
  /** The RUN that wrote exactly this path of the stage, if one did. */
  writtenBy(key: string): WrittenByRun | undefined;
}

function pickTree(state: StageState, from: string | undefined, keyword: string, destKey: string, line: number, env: CopyEnvironment,
  report: (rule: string, severity: Problem['severity'], message: string) => void, sources: readonly string[]): PickedTree | undefined {
  if (from === undefined || from === '') {
    if (!env.context) return undefined;
    return { tree: contextTree(env.context), upstream: [], unknownReason: () => '', writtenBy: () => undefined };
  }
  if (from.includes('$')) {
    report('unmodelled-source', 'warning', MESSAGES.fromVariable(keyword, from));
    addOpaque(state.fs, destKey, line, `${keyword} --from=${from}`, { foreign: true });
    return undefined;
  }
  const stage = env.resolveStage(from, line);
  if (stage === 'cycle') return undefined;
  if (!stage) {
    // Programs a known image ships (`COPY --from=ghcr.io/astral-sh/uv /uv /uvx /bin/`) are no unknown files.
    if (!copiesKnownPrograms(from, sources)) report('unmodelled-source', 'warning', MESSAGES.externalImage(keyword, from));
    addOpaque(state.fs, destKey, line, `${keyword} --from=${from} (external image)`, { foreign: true });
    return undefined;
  }
  return {
    tree: stageTree(stage.fs),
    upstream: stage.copies.flatMap((c) => c.sourceDirs),
    unknownReason: (source) => `${source} in stage ${stage.label} is not made by a COPY (RUN output or base image)`,
    // The last write wins: a later RUN writing the same path replaced the content.
    writtenBy: (key) => stage.fs.opaque.findLast((o) => o.key === key)?.writtenBy,
  };
}

/** A folder copied whole brings along what build steps made inside it, contents unseen. */
function addUnseenBelow(state: StageState, context: BuildContext, dirKey: string, destKey: string, line: number, keyword: string): void {
  for (const key of context.unseenKeys) {
    const rel = dirKey === '' ? key : key.startsWith(`${dirKey}/`) ? key.slice(dirKey.length + 1) : undefined;
    if (rel !== undefined) addOpaque(state.fs, joinKey(destKey, rel), line, `${keyword} of ${dirKey || '.'}, which holds ${key} (${context.unseenReason(key)})`, { buildInput: true });
  }
}
