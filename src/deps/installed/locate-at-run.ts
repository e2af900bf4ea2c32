import path from 'node:path/posix';
import { findRunWrites } from '../../dockerfile/find-run-writes.js';
import { asImagePath, asRepoPath, type ImageModel, type RepoPath, type RepoSnapshot, type RunRecord, type WrittenByRun } from '../../types.js';

export type Located =
  | { kind: 'found'; repoPath: RepoPath }
  /** The stage does not hold the file when the RUN starts: the build fails there. */
  | { kind: 'missing' }
  /** Something dockguard cannot see may have put it there; `writtenBy` names the RUN that wrote exactly this path, if one did. */
  | { kind: 'unknown'; reason: string; writtenBy?: WrittenByRun };

/**
 * The repository file behind an image path as a RUN sees it: the stage's
 * files at that moment (a file copied after the RUN is not there yet), then
 * `--mount=type=bind` sources, then what the RUN's own commands write
 * before the install reads it (`poetry export -o requirements.txt && pip
 * install -r requirements.txt`): content dockguard cannot see, not absence.
 */
export function locateAtRun(imagePath: string, run: RunRecord, image: ImageModel, snapshot: RepoSnapshot): Located {
  const files = image.stages?.find((s) => s.label === run.stage)?.filesAtRun.get(run.line);
  if (files === undefined) return { kind: 'unknown', reason: `the files of stage ${run.stage} are not modelled` };
  const origin = files.get(asImagePath(imagePath));
  if (origin?.inline !== undefined) return { kind: 'unknown', reason: `${imagePath} is written by a heredoc on line ${origin.line}, which is not read as a dependency file` };
  if (origin) return { kind: 'found', repoPath: origin.repoPath };
  for (const mount of run.bindMounts) {
    if (!within(imagePath, mount.target)) continue;
    if (mount.repoPath === undefined) return { kind: 'unknown', reason: `${mount.target} is mounted from ${mount.from ?? 'outside the build context'}` };
    const rel = path.relative(mount.target, imagePath);
    const repoPath = asRepoPath(mount.repoPath === '' ? rel : rel === '' ? mount.repoPath : `${mount.repoPath}/${rel}`);
    return snapshot.files.has(repoPath) ? { kind: 'found', repoPath } : { kind: 'missing' };
  }
  // A program whose outputs are not listed is no evidence about a dependency file: it may be missing all the same.
  const written = findRunWrites(run).find((write) => !write.unlisted && within(imagePath, write.path));
  if (written) return { kind: 'unknown', reason: `${imagePath} is written by ${written.program} in the same RUN` };
  const opaque = findOpaqueAbove(image, imagePath, run.line);
  if (opaque) return { kind: 'unknown', reason: `${opaque.path} comes from ${opaque.reason}`, ...(opaque.path === imagePath && opaque.writtenBy ? { writtenBy: opaque.writtenBy } : {}) };
  return { kind: 'missing' };
}

type Opaque = ImageModel['opaque'][number];
const opaqueByPath = new WeakMap<ImageModel, Map<string, Opaque[]>>();

/**
 * The first unknown content placed at `imagePath` or a folder above it
 * before `line`. Indexed by path, once per image: a Dockerfile of thousands
 * of RUNs that each write somewhere has thousands of such entries, and every
 * program a RUN names is looked up on each PATH folder.
 */
function findOpaqueAbove(image: ImageModel, imagePath: string, line: number): Opaque | undefined {
  let index = opaqueByPath.get(image);
  if (!index) {
    index = new Map();
    for (const o of image.opaque) if (!o.unlisted) index.set(o.path, [...(index.get(o.path) ?? []), o]);
    opaqueByPath.set(image, index);
  }
  let found: Opaque | undefined;
  for (let dir = imagePath; ; dir = path.dirname(dir)) {
    for (const o of index.get(dir) ?? []) if (o.line < line && (found === undefined || o.line < found.line)) found = o;
    if (dir === '/' || dir === '.' || dir === '') break;
  }
  return found;
}

/**
 * The repository folder of the project (pyproject.toml, setup.py or
 * setup.cfg) the stage holds at image folder `dir` when the RUN starts.
 */
export function projectAtRun(dir: string, run: RunRecord, image: ImageModel, snapshot: RepoSnapshot): RepoPath | undefined {
  for (const name of ['pyproject.toml', 'setup.py', 'setup.cfg']) {
    const located = locateAtRun(path.join(dir, name), run, image, snapshot);
    if (located.kind === 'found') return path.dirname(located.repoPath) === '.' ? asRepoPath('') : asRepoPath(path.dirname(located.repoPath));
  }
  return undefined;
}

/** True when the stage holds any file under `dir` at the RUN (a directory install). */
export function hasDirAtRun(dir: string, run: RunRecord, image: ImageModel): boolean {
  const files = image.stages?.find((s) => s.label === run.stage)?.filesAtRun.get(run.line);
  if (!files) return false;
  const prefix = dir === '/' ? '/' : `${dir}/`;
  for (const key of files.keys()) if (key.startsWith(prefix)) return true;
  return run.bindMounts.some((m) => within(dir, m.target) || within(m.target, dir));
}

function within(p: string, dir: string): boolean {
  return dir === '/' || p === dir || p.startsWith(`${dir}/`);
}
