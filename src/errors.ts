/**
 * Errors dockguard itself can hit (not findings about the user's code).
 * The CLI prints `message` (and `hint` when present) on one line and exits 2;
 * anything that is not a DockguardError is an internal bug and also exits 2.
 */
export class DockguardError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'DockguardError';
  }
}

export class NotAGitRepositoryError extends DockguardError {
  constructor(dir: string) {
    super(`not a git repository: ${dir}`, 'run dockguard inside a git repository (or run `git init` first)');
  }
}

/**
 * git refuses a repository owned by another user ("detected dubious
 * ownership"): it is a repository, and git says how to trust it.
 */
export class DubiousOwnershipError extends DockguardError {
  constructor(dir: string, gitMessage: string) {
    const command = /git config --global --add safe\.directory \S+/.exec(gitMessage)?.[0];
    super(`git refuses the repository at ${dir}: it is owned by another user (dubious ownership)`, command ? `if you trust it: ${command}` : "if you trust it, add it to git's safe.directory");
  }
}

/** The error for a failed `git rev-parse` from `cwd`: dubious ownership is told apart from "not a repository". */
export function repositoryError(cwd: string, error: unknown): DockguardError {
  const message = error instanceof Error ? error.message : String(error);
  return /dubious ownership/i.test(message) ? new DubiousOwnershipError(cwd, message) : new NotAGitRepositoryError(cwd);
}

export class ConfigError extends DockguardError {}

export class GitError extends DockguardError {}

/**
 * Neither parser engine loads (the native tree-sitter binding, then its
 * WebAssembly build): nothing can be analysed, so the run stops (exit 2).
 * `detail` names each engine's failure.
 */
export class ParserUnavailableError extends DockguardError {
  constructor(
    readonly detail: string,
    hint = 'reinstall dockguard (`npm ci` or `npm install`); its WebAssembly parser (web-tree-sitter) needs no compiler',
  ) {
    super(`cannot load the Python parser: ${detail.split('\n', 1)[0]}`, hint);
    this.name = 'ParserUnavailableError';
  }
}

/** A file that exists but cannot be read or decoded; analysis reports it as a finding. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}
