import path from 'node:path/posix';
import type { ImageModel, RepoPath, RepoSnapshot } from '../../types.js';
import type { LockDriftIssue, UnlockedInstall } from '../dependency-analysis.js';
import { findCompanionLock } from '../find-companion-lock.js';
import { findLockDrift } from '../find-lock-drift.js';
import type { DependencyFileCache } from '../installed/dependency-file-cache.js';
import { findDeclarationOf } from '../installed/declared-names.js';
import type { InstalledSet } from '../installed/installed-set.js';

/**
 * Declaration/lock pairs among the files the image installs: drift between
 * them when the image installs the lock (DG105), and a loose declaration
 * installed while its lock sits unused beside it (DG106). Each pair is
 * compared once per service.
 */
export async function findLockIssues(set: InstalledSet, image: ImageModel, snapshot: RepoSnapshot, cache: DependencyFileCache, version: string): Promise<{ drift: LockDriftIssue[]; unlocked: UnlockedInstall[] }> {
  const drift: LockDriftIssue[] = [];
  const unlocked: UnlockedInstall[] = [];
  const used = new Set(set.fileReads.map((r) => r.repoPath));
  const pairs = new Map<string, { declaration: RepoPath; lock: RepoPath }>();
  for (const read of set.fileReads) {
    const file = read.repoPath as RepoPath;
    const lock = findCompanionLock(file, snapshot.files);
    const declaration = findDeclarationOf(file, snapshot.files);
    if (lock) pairs.set(`${file}\u0000${lock}`, { declaration: file, lock });
    if (declaration) pairs.set(`${declaration}\u0000${file}`, { declaration, lock: file });
    if (lock && !used.has(lock) && !declaration) {
      const issue = await unlockedInstall(file, lock, read, image, cache, version);
      if (issue && !unlocked.some((u) => u.file === file)) unlocked.push(issue);
    }
  }
  for (const { declaration, lock } of pairs.values()) {
    // Drift matters only to an image that installs the lock: `pip install .` beside a stale poetry.lock installs what is declared.
    if (!used.has(lock)) continue;
    const [declared, locked] = await Promise.all([cache.load(declaration, version), cache.load(lock, version)]);
    if (locked.problems.some((p) => p.severity === 'error')) continue;
    for (const d of findLockDrift(declared.requirements, locked.requirements)) {
      drift.push({
        distribution: d.requirement.name, declaredIn: declaration, line: d.requirement.source.line, specifier: d.requirement.specifier,
        lock, problem: d.problem, ...(d.lockedVersion !== undefined ? { lockedVersion: d.lockedVersion } : {}),
        fix: { file: lock, line: 0, text: regenerateCommand(declaration, lock), description: `regenerate ${lock} from ${declaration} so the image installs what is declared` },
      });
    }
  }
  return { drift, unlocked };
}

async function unlockedInstall(file: RepoPath, lock: RepoPath, read: { imagePath: string; line: number }, image: ImageModel, cache: DependencyFileCache, version: string): Promise<UnlockedInstall | undefined> {
  const declared = await cache.load(file, version);
  const loose = declared.requirements.some((r) => r.kind === 'registry' && r.markerResult !== false && !/^===?[^,]+$/.test(r.specifier));
  if (!loose) return undefined;
  const lockInImage = path.join(path.dirname(read.imagePath), path.basename(lock));
  const isProject = path.basename(file) === 'pyproject.toml';
  const text = isProject ? lockedProjectInstall(lock) : `RUN pip install --no-cache-dir -r ${lockInImage}`;
  return {
    file, dockerfile: image.dockerfile, line: read.line, installed: read.imagePath, lock,
    fix: { file: image.dockerfile, line: read.line, text, description: `replace the install on line ${read.line} so it takes the pinned versions of ${lock} (COPY the lock first)` },
  };
}

function lockedProjectInstall(lock: RepoPath): string {
  const base = path.basename(lock);
  if (base === 'uv.lock') return 'RUN uv sync --frozen --no-dev';
  if (base === 'poetry.lock') return 'RUN poetry install --only main';
  return `RUN pip install --no-cache-dir -r ${base}`;
}

export function regenerateCommand(declaration: RepoPath, lock: RepoPath): string {
  const dir = path.dirname(lock);
  const inDir = dir === '.' ? '' : `cd ${dir} && `;
  switch (path.basename(lock)) {
    case 'uv.lock':
      return `${inDir}uv lock`;
    case 'poetry.lock':
      return `${inDir}poetry lock`;
    case 'Pipfile.lock':
      return `${inDir}pipenv lock`;
    default:
      return `pip-compile ${declaration} -o ${lock}`;
  }
}
