import path from 'node:path/posix';
import { runShellCommands } from '../../shell/run-shell-commands.js';
import { asImagePath, type RepoPath, type RunRecord } from '../../types.js';
import { extractInstalls, type InstallCommand } from '../installs.js';

/** `pip wheel -r requirements.txt -w /wheels`: what a later `pip install /wheels/*` installs. */
export interface WheelBuild {
  stage: string;
  /** Absolute image directory the wheels land in. */
  dir: string;
  run: RunRecord;
  /** The same arguments read as an install. */
  install: InstallCommand;
  /** A project's own wheel (`python -m build`): its dependencies are not in the folder, the installer resolves them. */
  projectWheel?: boolean;
}

const PIP = /(^|\/)pip(\d(\.\d+)?)?$/;
const WHEEL_DIR = new Set(['-w', '--wheel-dir', '-d', '--dest']);

/**
 * Wheel builds of a RUN (`pip wheel`, `pip download`), read through the
 * install reader by renaming the subcommand, so every option means the same.
 */
export function findWheelBuilds(run: RunRecord, dockerfile: RepoPath): WheelBuild[] {
  const commands = run.form === 'exec' && run.args ? [{ words: run.args }] : runShellCommands(run);
  const builds: WheelBuild[] = [];
  let cwd = run.workdir as string;
  for (const { words } of commands) {
    if (words[0] === 'cd' && words[1] !== undefined) cwd = path.resolve(cwd, words[1]);
    const project = readProjectBuild(words, cwd);
    if (project) {
      // The project's own wheel: installing it is installing the project (its dependencies resolved by the installer).
      const asInstall: RunRecord = { ...run, form: 'exec', args: ['pip', 'install', project.projectDir], command: '', workdir: asImagePath(cwd) };
      const install = extractInstalls(asInstall, dockerfile)[0];
      if (install) builds.push({ stage: run.stage, dir: project.outDir, run, install: { ...install, line: run.line }, projectWheel: true });
      continue;
    }
    const at = words.findIndex((w, i) => (w === 'wheel' || w === 'download') && PIP.test(words[i - 1] ?? ''));
    if (at < 0) continue;
    let dir = cwd;
    const rest: string[] = [];
    const args = words.slice(at + 1);
    for (let i = 0; i < args.length; i++) {
      const word = args[i] as string;
      const eq = word.indexOf('=');
      if (WHEEL_DIR.has(word)) dir = path.resolve(cwd, args[++i] ?? '.');
      else if (eq > 0 && WHEEL_DIR.has(word.slice(0, eq))) dir = path.resolve(cwd, word.slice(eq + 1));
      else if (/^-w./.test(word)) dir = path.resolve(cwd, word.slice(2));
      else rest.push(word);
    }
    const asInstall: RunRecord = { ...run, form: 'exec', args: ['pip', 'install', ...rest], command: '', workdir: asImagePath(cwd) };
    const install = extractInstalls(asInstall, dockerfile)[0];
    if (install) builds.push({ stage: run.stage, dir, run, install: { ...install, line: run.line } });
  }
  return builds;
}

/** Options of each project builder that take a value, and those that name the output folder or the project. */
interface BuilderOptions {
  takesValue: ReadonlySet<string>;
  outDir: ReadonlySet<string>;
  projectDir: ReadonlySet<string>;
  /** Whether the one positional names the project (`python -m build src`) or the output (`hatch build out`). */
  positional: 'project' | 'out' | 'none';
}

const BUILD_MODULE: BuilderOptions = { takesValue: new Set(['-o', '--outdir', '-C', '--config-setting', '--installer']), outDir: new Set(['-o', '--outdir']), projectDir: new Set(), positional: 'project' };
const BUILDERS: Record<string, BuilderOptions> = {
  poetry: { takesValue: new Set(['-f', '--format', '-o', '--output', '-C', '--directory', '-P', '--project', '--config-settings']), outDir: new Set(['-o', '--output']), projectDir: new Set(['-C', '--directory', '-P', '--project']), positional: 'none' },
  uv: { takesValue: new Set(['-o', '--out-dir', '--python', '-p', '--build-constraint', '-b', '--config-setting', '-C', '--directory', '--project']), outDir: new Set(['-o', '--out-dir']), projectDir: new Set(['--directory', '--project']), positional: 'project' },
  pdm: { takesValue: new Set(['-d', '--dest', '-p', '--project', '-C', '--config-setting']), outDir: new Set(['-d', '--dest']), projectDir: new Set(['-p', '--project']), positional: 'none' },
  hatch: { takesValue: new Set(['-t', '--target']), outDir: new Set(), projectDir: new Set(), positional: 'out' },
  flit: { takesValue: new Set(['--format']), outDir: new Set(), projectDir: new Set(), positional: 'none' },
};

/**
 * A command that builds the wheel of a project folder (`python -m build`,
 * `poetry build`, `uv build`, `pdm build`, `hatch build`, `flit build`,
 * `python setup.py bdist_wheel`), with where the wheel lands: `dist/` of
 * the project unless an option says otherwise. A workspace member picked by
 * name (`uv build --package x`) or a value from a variable is not read.
 */
function readProjectBuild(words: readonly string[], cwd: string): { projectDir: string; outDir: string } | undefined {
  if (words.some((w) => /[$`]/.test(w))) return undefined;
  const program = path.basename(words[0] ?? '');
  const isPython = /^python(\d(\.\d+)?)?$/.test(program);
  let options: BuilderOptions;
  let args: readonly string[];
  if ((isPython && words[1] === '-m' && words[2] === 'build') || program === 'pyproject-build') {
    options = BUILD_MODULE;
    args = words.slice(program === 'pyproject-build' ? 1 : 3);
  } else if (isPython && words[1] === 'setup.py' && words.slice(2).some((w) => w === 'bdist_wheel' || w === 'sdist')) {
    options = { takesValue: new Set(['-d', '--dist-dir']), outDir: new Set(['-d', '--dist-dir']), projectDir: new Set(), positional: 'none' };
    args = words.slice(2).filter((w) => w !== 'bdist_wheel' && w !== 'sdist');
  } else if (Object.hasOwn(BUILDERS, program) && words[1] === 'build') {
    options = BUILDERS[program]!;
    args = words.slice(2);
  } else return undefined;
  if (args.includes('--package') || args.includes('--all-packages') || args.includes('--all')) return undefined;
  let projectDir = cwd;
  let outDir: string | undefined;
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq > 0 ? word.slice(0, eq) : word;
    const value = eq > 0 ? word.slice(eq + 1) : options.takesValue.has(word) ? args[++i] : undefined;
    if (options.outDir.has(name) && value !== undefined) outDir = value;
    else if (options.projectDir.has(name) && value !== undefined) projectDir = path.resolve(cwd, value);
    else if (!word.startsWith('-')) positionals.push(word);
  }
  if (positionals.length > 1) return undefined;
  if (options.positional === 'project' && positionals[0] !== undefined) projectDir = path.resolve(cwd, positionals[0]);
  if (options.positional === 'out' && positionals[0] !== undefined) outDir = positionals[0];
  return { projectDir, outDir: outDir === undefined ? path.join(projectDir, 'dist') : path.resolve(cwd, outDir) };
}
