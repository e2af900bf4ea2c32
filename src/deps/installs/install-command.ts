/** What one install command in a RUN asks for, before anything is resolved against the image. */
import type { ImagePath, Problem } from '../../types.js';

export type InstallTool = 'pip' | 'uv-pip' | 'uv-pip-sync' | 'uv-sync' | 'poetry' | 'pipenv' | 'pdm' | 'conda' | 'apt' | 'apk' | 'dnf';

/** The OS package managers: what they install are system packages, not Python distributions. */
export const SYSTEM_TOOLS: ReadonlySet<InstallTool> = new Set(['apt', 'apk', 'dnf']);

/** Groups a lock-based installer is told to take; the tool's own defaults apply on top. */
export interface GroupSelection {
  with: string[];
  without: string[];
  /** `--only` / `--only-group`: exactly these. */
  only: string[] | undefined;
  all: boolean;
  /** `--no-default-groups` (uv), `--prod` (pdm). */
  noDefault: boolean;
}

export interface InstallCommand {
  tool: InstallTool;
  /** The program word as written (`/opt/venv/bin/pip`, `python3 -m pip` → `python3`), to find the target interpreter. */
  program: string;
  /** Dockerfile line of the RUN (plus the command's line inside a heredoc/continued RUN). */
  line: number;
  /** Directory the command runs in: WORKDIR, then any `cd` before it in the same RUN. */
  cwd: ImagePath;
  /** Requirement / project files as written, relative to `cwd` (`-r`, `uv pip sync` args, implicit `pyproject.toml` + lock). */
  files: string[];
  /** `-c` files. */
  constraints: string[];
  /** Specs, paths, wheels and `.` given on the command line. */
  inline: string[];
  /** `-e` targets. */
  editables: string[];
  extras: string[];
  allExtras: boolean;
  groups: GroupSelection;
  findLinks: string[];
  noIndex: boolean;
  /** `--no-deps`, or `uv pip sync` (installs exactly the files, adds no transitive deps). */
  noDeps: boolean;
  /** Where packages land when not the interpreter's own site-packages. */
  target: { kind: 'user' | 'target' | 'prefix' | 'system' | 'root'; path?: string } | undefined;
  /** `uv sync --project`, `poetry -C` …: where the project files are, relative to `cwd`. */
  projectDir: string | undefined;
  /** `--no-root`, `--no-install-project`, `--no-self`: the project itself is not installed. */
  noProject: boolean;
  /** `--frozen` / `--locked` / `--deploy`: the lock is taken as is. */
  frozen: boolean;
  /**
   * Set on the lock install a pip install of an exported lock stands for
   * (`poetry export`): the lock is read as that tool reads it, and the
   * packages land where the pip install puts them.
   */
  exportedBy?: string;
  problems: Problem[];
}

export function emptyGroups(): GroupSelection {
  return { with: [], without: [], only: undefined, all: false, noDefault: false };
}
