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

export class ConfigError extends DockguardError {}

export class GitError extends DockguardError {}

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
