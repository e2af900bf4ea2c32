/** Shapes of `dockguard init`: planning returns actions, applying carries them out. */

export interface InitService {
  dockerfile: string;
  context?: string;
  contextSource: string;
  contextOrigin?: string;
  name?: string;
}

export interface InitOptions {
  dryRun: boolean;
  /** Move a foreign pre-commit hook aside (kept and chained) instead of refusing. */
  force: boolean;
  services: InitService[];
  /** `--hooks-dir`: write the hooks into this folder of the working tree (repository-relative, `/`) and point core.hooksPath at it. */
  hooksDir?: string;
  /** The installed pre-commit's version, asked only for a pre-commit framework repository (default: `pre-commit --version`). */
  readPreCommitVersion?: (root: string) => Promise<string | undefined>;
}

/** Paths are absolute; descriptions show them relative to the repository. */
export type InitAction =
  | { kind: 'write-file'; path: string; content: string; mode?: number; creates: boolean; why: string }
  | { kind: 'edit-json'; path: string; set: Array<{ keyPath: string[]; value: unknown }>; why: string }
  | { kind: 'rename'; from: string; to: string; why: string }
  | { kind: 'chmod'; path: string; mode: number; why: string }
  /** A program run with an argument array, never through a shell. */
  | {
      kind: 'run';
      argv: string[];
      cwd: string;
      why: string;
      /** Sets up this clone only (git hooks are not versioned); nothing in the repository changes. */
      isForClone?: boolean;
    };

/** Which hook mechanism the repository gets: `versioned-hooks` are plain hooks in a committed folder (core.hooksPath). */
export type HookSetup = 'husky' | 'pre-commit-framework' | 'versioned-hooks' | 'git-hook';

export interface InitPlan {
  root: string;
  setup: HookSetup;
  dryRun: boolean;
  actions: InitAction[];
  /** What was found and how to go on, printed after the actions. */
  notes: string[];
}
