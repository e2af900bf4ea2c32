import type { ImageModel, ImagePath, LaunchRoot, RepoPath } from '../types.js';
import type { ConsoleScript } from './console-scripts.js';

/** A command about to start: its arguments (program excluded), cwd and environment. */
export interface Invocation {
  args: string[];
  cwd: ImagePath;
  env: Record<string, string>;
}

/** What a launcher contributes to the plan. */
export interface LauncherResult {
  roots: LaunchRoot[];
  /** Entries the launch puts before `PYTHONPATH` (sys.path[0], `--chdir`, `--app-dir`, …). */
  front: ImagePath[];
  /** Entries appended after site-packages. */
  tail?: ImagePath[];
  /** `python -I`/`-E`: `PYTHONPATH` is not read. */
  ignoresPythonPath?: boolean;
  /** Repository folders of projects whose installed packages the start imports (a console script's project). */
  installedProjects?: RepoPath[];
}

/** A launcher that cannot tell what runs says why, in words for the user. */
export type LauncherOutcome = LauncherResult | { failure: string };

export interface LaunchContext {
  image: ImageModel;
  readImageText: (p: ImagePath) => string | undefined;
  hasFile: (p: ImagePath) => boolean;
  /** Launcher of a console program, for `python -m gunicorn` and friends. */
  launcherFor: (program: string) => Launcher | undefined;
  /** A command the image's own project installs (`[project.scripts]`, …), by name. */
  consoleScript?: (name: string) => ConsoleScript | undefined;
}

export type Launcher = (invocation: Invocation, context: LaunchContext) => LauncherOutcome;

export const isFailure = (o: LauncherOutcome): o is { failure: string } => 'failure' in o;
