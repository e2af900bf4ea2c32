import { execFile } from 'node:child_process';

/** The stage names a pre-commit version accepts for git's pre-commit and pre-merge-commit hooks. */
export interface PreCommitStages {
  stages: [string, string];
  /** What was found and what was written, for the user. */
  note: string;
}

/** pre-commit 3.2.0 renamed the stages after git's hooks; earlier versions reject the new names. */
const RENAMED_IN = [3, 2];

/** `pre-commit --version` (argument array, no shell): "pre-commit 3.0.4", or undefined when it is not on PATH or says something else. */
export function detectPreCommitVersion(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('pre-commit', ['--version'], { cwd, timeout: 30_000 }, (error, stdout) => {
      const version = /^pre-commit (\d+\.\d+(?:\.\d+)?)/m.exec(String(stdout))?.[1];
      resolve(error ? undefined : version);
    });
  });
}

/**
 * Stage names for the dockguard entry: the installed pre-commit's own. With
 * none installed, the current names (a fresh install gets a current version).
 */
export function choosePreCommitStages(version: string | undefined): PreCommitStages {
  if (version === undefined) {
    return {
      stages: ['pre-commit', 'pre-merge-commit'],
      note: 'pre-commit was not found on PATH: wrote the stage names of pre-commit 3.2 and later (pre-commit, pre-merge-commit); an older pre-commit needs commit, merge-commit',
    };
  }
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const isRenamed = major > RENAMED_IN[0]! || (major === RENAMED_IN[0] && minor >= RENAMED_IN[1]!);
  if (isRenamed) return { stages: ['pre-commit', 'pre-merge-commit'], note: `pre-commit ${version} found: stages written as pre-commit, pre-merge-commit` };
  return {
    stages: ['commit', 'merge-commit'],
    note: `pre-commit ${version} found: stages written as commit, merge-commit (the names before 3.2; \`pre-commit migrate-config\` renames them after an upgrade)`,
  };
}
