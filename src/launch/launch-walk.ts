import type { ImagePath } from '../types.js';
import type { LaunchContext, LauncherResult } from './launch-context.js';

/** A Python start found on the way: which programs led there and what it contributes. */
export interface Reached {
  programs: string[];
  program: string;
  result: LauncherResult;
  cwd: ImagePath;
  env: Record<string, string>;
  /** Why this start may not happen or may fail without stopping the container (a branch's condition, `|| true`). */
  assumption?: string;
}

/** A command that could not be followed to Python, and why (a user-facing clause). */
export interface Dead {
  programs: string[];
  reason: string;
  /** Reached through `exec`: the command a script hands the container to, the best one to blame. */
  viaExec: boolean;
}

/** Everything found while following one command line. */
export interface Walk {
  context: LaunchContext;
  reached: Reached[];
  dead: Dead[];
}

/** Where a command runs: cwd, environment, programs so far. */
export interface Frame {
  cwd: ImagePath;
  env: Record<string, string>;
  trail: string[];
  depth: number;
  viaExec: boolean;
  /** Runtime conditions and tolerated failures on the way here: a start under them is not proven to matter. */
  unsure?: readonly string[];
}

/** Entry scripts calling scripts calling scripts: stop well before a cycle hurts. */
export const MAX_DEPTH = 8;
