import path from 'node:path/posix';
import { inlineShellC } from '../shell/inline-shell-c.js';
import type { ShellCommand } from '../shell/shell-command.js';
import { runShellCommands } from '../shell/run-shell-commands.js';
import { asImagePath, type ImagePath, type RepoPath, type RunRecord } from '../types.js';
import { emptyGroups, type InstallCommand, type InstallTool } from './installs/install-command.js';
import { readPdmArgs, readPipenvArgs, readPoetryArgs, readUvSyncArgs } from './installs/read-lock-installer-args.js';
import { readLockExport, type LockExport } from './installs/read-lock-export.js';
import { readPipArgs } from './installs/read-pip-args.js';
import { readXargs } from './installs/read-xargs.js';
import { INSTALL_UNANALYSABLE } from './rules.js';

export type { GroupSelection, InstallCommand, InstallTool } from './installs/install-command.js';
export { SYSTEM_TOOLS } from './installs/install-command.js';

/** Words that run the next word as the real program. */
const WRAPPERS = new Set(['sudo', 'exec', 'nice', 'nohup', 'time', 'command']);

/**
 * Every package install a RUN performs (pip, uv, poetry, pipenv, pdm, conda,
 * apt-get, apk, dnf/yum/microdnf), with paths as written and the directory they are relative to.
 * Nothing is resolved against the image here.
 */
export function extractInstalls(run: RunRecord, dockerfile: RepoPath): InstallCommand[] {
  const installs: InstallCommand[] = [];
  // Locks exported earlier in the RUN, by output file, and the one whose output the next command's stdin reads.
  const exports = new Map<string, LockExport>();
  let piped: LockExport | undefined;
  for (const { words, line, cwd, pipedIn, redirected, xargsInput } of runCommands(run)) {
    const stdinExport = pipedIn ? piped : undefined;
    piped = undefined;
    const exported = readLockExport(pythonModuleForm(words), cwd, redirected);
    if (exported) {
      if (exported.output === undefined) piped = exported;
      else exports.set(exported.output, exported);
      continue;
    }
    const install = readInstall(words, line, cwd);
    if (!install) continue;
    if (xargsInput !== undefined) addXargsInput(install, xargsInput);
    const fromExports = takeExportedFiles(install, exports, stdinExport);
    for (const lockExport of fromExports) {
      const fromLock = asLockInstall(lockExport, install);
      for (const problem of fromLock.problems) problem.file = dockerfile;
      installs.push(fromLock);
    }
    if (fromExports.length > 0 && isEmptyInstall(install)) continue;
    for (const problem of install.problems) problem.file = dockerfile;
    dropUnreadableWords(install, dockerfile, line);
    const unresolved = [...install.files, ...install.inline, ...install.constraints, ...install.editables].filter((w) => /\$\{?[A-Za-z_]/.test(w));
    for (const word of unresolved) {
      install.problems.push({ rule: INSTALL_UNANALYSABLE, file: dockerfile, line, severity: 'warning', message: `'${word}' uses a variable with no known value, so what it installs cannot be known` });
    }
    installs.push(install);
  }
  return installs;
}

/** The locks a RUN exports to requirements files (`poetry export -o requirements.txt`), which a later RUN or stage may install. */
export function extractLockExports(run: RunRecord): LockExport[] {
  const exports: LockExport[] = [];
  for (const { words, cwd, redirected } of runCommands(run)) {
    const exported = readLockExport(pythonModuleForm(words), cwd, redirected);
    if (exported?.output !== undefined) exports.push(exported);
  }
  return exports;
}

interface RunCommand {
  /** Without wrappers (`sudo`, `env X=1`). */
  words: string[];
  /** Dockerfile line. */
  line: number;
  /** The folder it runs in: WORKDIR, then the `cd`s before it. */
  cwd: ImagePath;
  /** Whether it reads the previous command's output (`a | b`). */
  pipedIn: boolean;
  /** The file its output is redirected to (`> requirements.txt`): the first one that is no device (`2>/dev/null`). */
  redirected: string | undefined;
  /**
   * Set when xargs runs it: the file whose words xargs appends (`-a pkgs.txt`,
   * `< pkgs.txt`, `cat pkgs.txt |`), or null when they come from a stream dockguard cannot read.
   */
  xargsInput?: string | null;
}

/** The simple commands of a RUN, in order, with where each runs (`cd` commands are followed, not listed). */
function* runCommands(run: RunRecord): Generator<RunCommand> {
  const commands = run.form === 'exec' && run.args ? execCommands(run.args, run.env) : runShellCommands(run);
  let cwd = run.workdir;
  let previous: string[] = [];
  for (const command of commands) {
    const written = unwrap(command.words);
    const pipedIn = command.separatorBefore === '|';
    const catted = pipedIn ? previous : [];
    previous = written;
    if (written[0] === 'cd') {
      cwd = changeDir(cwd, written[1]);
      continue;
    }
    const xargs = readXargs(written);
    const words = xargs ? unwrap(xargs.words) : written;
    const xargsInput = xargs ? (xargs.argFile ?? command.input ?? (catted[0] === 'cat' && catted.length === 2 ? catted[1] : undefined) ?? null) : undefined;
    yield {
      words, line: (run.commandLine ?? run.line) + command.line - 1, cwd, pipedIn, redirected: command.outputs?.find((file) => !file.startsWith('/dev/')),
      ...(xargsInput !== undefined ? { xargsInput } : {}),
    };
  }
}

/**
 * The words xargs appends to an install: a file's words are its lines of
 * packages, read as `-r file` (pip and uv read each line as one
 * requirement); words from a stream make what it installs unknown.
 */
function addXargsInput(install: InstallCommand, input: string | null): void {
  if (input !== null && !STREAM.test(input) && (install.tool === 'pip' || install.tool === 'uv-pip')) {
    install.files.push(input);
    return;
  }
  const from = input === null || STREAM.test(input) ? "xargs' standard input" : input;
  install.problems.push({ rule: INSTALL_UNANALYSABLE, file: '', line: install.line, severity: 'warning', message: `\`${install.program} …\` run by xargs installs what ${from} lists, which dockguard cannot read as packages` });
}

/**
 * The requirements files of a pip install that an export earlier in the RUN
 * wrote (or piped to its standard input): taken out of the install, and
 * returned so each is read as the lock install it stands for.
 */
function takeExportedFiles(install: InstallCommand, exports: ReadonlyMap<string, LockExport>, pipedIn: LockExport | undefined): LockExport[] {
  if (install.tool !== 'pip' && install.tool !== 'uv-pip' && install.tool !== 'uv-pip-sync') return [];
  const taken: LockExport[] = [];
  install.files = install.files.filter((file) => {
    const lockExport = pipedIn && STREAM.test(file) ? pipedIn : exports.get(path.resolve(install.cwd, file));
    if (lockExport) taken.push(lockExport);
    return lockExport === undefined;
  });
  return taken;
}

/** The lock install an export stands for, landing where the pip install that reads it puts packages. */
export function asLockInstall(lockExport: LockExport, pip: InstallCommand): InstallCommand {
  const install = readInstall(lockExport.installWords, pip.line, lockExport.cwd)!;
  install.program = pip.program;
  install.target = pip.target;
  install.exportedBy = lockExport.shown;
  return install;
}

function isEmptyInstall(install: InstallCommand): boolean {
  return install.files.length === 0 && install.inline.length === 0 && install.editables.length === 0 && install.constraints.length === 0;
}

/** `python -m poetry export …` is `poetry export …`. */
function pythonModuleForm(words: string[]): string[] {
  return /^python(\d(\.\d+)?)?$/.test(path.basename(words[0] ?? '')) && words[1] === '-m' ? words.slice(2) : words;
}

/** Standard input, or a file descriptor: the content never is a repository file. */
const STREAM = /^\/dev\/(?:stdin|fd\/\d+)$|^\/proc\/self\/fd\/\d+$|^-$/;

/**
 * Words whose content dockguard cannot read: command output (`$(…)`,
 * backticks) and requirements read from a stream (`-r /dev/stdin`). Each is
 * an unanalysable-install warning and is removed, so it is never taken for a
 * path or a package name.
 */
function dropUnreadableWords(install: InstallCommand, dockerfile: RepoPath, line: number): void {
  const warn = (message: string) => install.problems.push({ rule: INSTALL_UNANALYSABLE, file: dockerfile, line, severity: 'warning', message });
  for (const key of ['files', 'inline', 'constraints', 'editables'] as const) {
    install[key] = install[key].filter((word) => {
      if (word.includes('$(') || word.includes('`')) {
        warn(`'${word.length > 60 ? `${word.slice(0, 57)}...` : word}' is the output of a command, so what it installs cannot be known`);
        return false;
      }
      if (key !== 'inline' && STREAM.test(word)) {
        warn(`the install reads requirements from ${word}, whose content cannot be known`);
        return false;
      }
      return true;
    });
  }
}

/** `["sh", "-c", "…"]` is still a shell; any other exec form is one command. */
function execCommands(args: string[], env: Record<string, string>): ShellCommand[] {
  return inlineShellC([{ words: args, assignments: {}, line: 1 }], env);
}

function unwrap(words: string[]): string[] {
  let rest = words;
  for (;;) {
    const first = rest[0];
    if (first !== undefined && WRAPPERS.has(first)) rest = rest.slice(1);
    else if (first === 'env') {
      rest = rest.slice(1);
      while (rest[0] !== undefined && (rest[0].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]))) rest = rest.slice(1);
    } else return rest;
  }
}

function changeDir(cwd: ImagePath, target: string | undefined): ImagePath {
  if (target === undefined || target === '~' || target === '-') return cwd; // home / previous dir: not modelled
  return asImagePath(path.resolve(cwd, target));
}

function readInstall(words: string[], line: number, cwd: ImagePath): InstallCommand | undefined {
  const program = words[0];
  if (program === undefined) return undefined;
  const base = path.basename(program);
  const make = (tool: InstallTool): InstallCommand => ({
    tool, program, line, cwd, files: [], constraints: [], inline: [], editables: [], extras: [], allExtras: false,
    groups: emptyGroups(), findLinks: [], noIndex: false, noDeps: false, target: undefined, projectDir: undefined,
    noProject: false, frozen: false, problems: [],
  });
  // `python -m pip install`, `python3.11 -m uv pip install`
  const isPython = /^python(\d(\.\d+)?)?$/.test(base);
  const tool = isPython && words[1] === '-m' ? words[2] : isPython ? undefined : base;
  const rest = isPython ? words.slice(3) : words.slice(1);
  // `python setup.py install` / `develop`: setuptools installs the project with its install_requires, as `pip install .` / `-e .` does.
  if (isPython && path.basename(words[1] ?? '') === 'setup.py') {
    const verb = words.slice(2).find((w) => !w.startsWith('-'));
    const dir = path.dirname(words[1] as string);
    const project = dir === '.' ? '.' : dir.startsWith('/') ? dir : `./${dir}`;
    if (verb === 'install') return fill(make('pip'), (i) => i.inline.push(project));
    if (verb === 'develop') return fill(make('pip'), (i) => i.editables.push(project));
    return undefined;
  }
  if (tool === undefined) return undefined;
  const at = findSubcommand(rest);
  const sub = rest[at];
  // Global options may stand before the subcommand (`poetry -C svc install`): keep them.
  const after = at < 0 ? [] : [...rest.slice(0, at), ...rest.slice(at + 1)];

  if (/^pip(\d(\.\d+)?)?$/.test(tool) && sub === 'install') return fill(make('pip'), (i) => readPipArgs(after, i, false));
  if (tool === 'uv' && sub === 'pip') {
    const verbAt = findSubcommand(after);
    const verb = after[verbAt];
    const args = verbAt < 0 ? [] : [...after.slice(0, verbAt), ...after.slice(verbAt + 1)];
    if (verb === 'install') return fill(make('uv-pip'), (i) => readPipArgs(args, i, false));
    if (verb === 'sync') return fill(make('uv-pip-sync'), (i) => { readPipArgs(args, i, true); i.noDeps = true; });
    return undefined;
  }
  if (tool === 'uv' && sub === 'sync') return widenForUnknownWords(fill(make('uv-sync'), (i) => readUvSyncArgs(after, i)), after);
  // `poetry add x` / `uv add x`: the named packages, resolved with their dependencies, go into the environment.
  if ((tool === 'poetry' || tool === 'uv') && sub === 'add') {
    return fill(make('pip'), (i) => i.inline.push(...positionals(after, new Set(['-G', '--group', '-E', '--extras', '--extra', '--source', '--python', '-p', '--platform', '--markers', '--project', '--directory', '-C', '--index', '--tag', '--branch', '--rev']))));
  }
  if (tool === 'poetry' && (sub === 'install' || sub === 'sync')) return widenForUnknownWords(fill(make('poetry'), (i) => readPoetryArgs(after, i)), after);
  if (tool === 'pipenv' && (sub === 'install' || sub === 'sync')) return fill(make('pipenv'), (i) => readPipenvArgs(after, i));
  if (tool === 'pdm' && (sub === 'install' || sub === 'sync')) return widenForUnknownWords(fill(make('pdm'), (i) => readPdmArgs(after, i)), after);
  if ((tool === 'apt-get' || tool === 'apt') && sub === 'install') return fill(make('apt'), (i) => i.inline.push(...positionals(after)));
  // Red Hat family: `dnf`/`yum`/`microdnf install` (yum is dnf's alias on RHEL 8+).
  if ((tool === 'dnf' || tool === 'yum' || tool === 'microdnf') && sub === 'install') {
    return fill(make('dnf'), (i) => i.inline.push(...positionals(after, new Set(['--setopt', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-x', '--exclude']))));
  }
  if (tool === 'apk' && sub === 'add') return fill(make('apk'), (i) => i.inline.push(...positionals(after, new Set(['-t', '--virtual', '-X', '--repository']))));
  // `conda install`, `conda create`/`update`, `conda env create -f environment.yml`, `micromamba install -f env.yaml`, `pixi install`.
  const condaVerb = sub === 'env' ? `env ${after.find((w) => !w.startsWith('-')) ?? ''}`.trim() : sub;
  const isConda = /^(conda|mamba|micromamba)$/.test(tool) && /^(install|create|update|env (create|update))$/.test(condaVerb ?? '');
  if (isConda || (tool === 'pixi' && /^(install|add)$/.test(sub ?? ''))) {
    return fill(make('conda'), (i) => {
      if (condaVerb === 'install' || condaVerb === 'create') i.inline.push(...positionals(after, new Set(['-c', '--channel', '-n', '--name', '-p', '--prefix', '-f', '--file'])));
      i.problems.push({ rule: INSTALL_UNANALYSABLE, file: '', line, severity: 'warning', message: `\`${tool} ${condaVerb}\` is not modelled: ${tool === 'pixi' ? 'pixi' : 'conda'} packages are not checked against imports` });
    });
  }
  return undefined;
}

function fill(install: InstallCommand, read: (install: InstallCommand) => void): InstallCommand {
  read(install);
  return install;
}

const LOCK_TOOLS: ReadonlySet<InstallTool> = new Set(['uv-sync', 'poetry', 'pipenv', 'pdm']);

/**
 * A lock installer given a word dockguard cannot read (`uv sync $group_flags`,
 * flags built in a shell loop) may select any group or extra of the lock, so
 * all of them count: the lock's whole content is still an upper bound, and a
 * distribution it lacks is still provably not installed.
 */
function widenForUnknownWords(install: InstallCommand, args: readonly string[]): InstallCommand {
  if (LOCK_TOOLS.has(install.tool) && args.some((w) => /\$\{?[A-Za-z_(]|`/.test(w))) {
    install.groups.all = true;
    install.allExtras = true;
  }
  return install;
}

/** Options a tool takes before its subcommand that consume the next word. */
const GLOBAL_WITH_VALUE = new Set(['-C', '--directory', '-P', '--project', '--cache-dir', '--python', '-p', '--config-file', '--log']);

function findSubcommand(words: string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (GLOBAL_WITH_VALUE.has(w)) i++;
    else if (!w.startsWith('-')) return i;
  }
  return -1;
}

function positionals(words: string[], withValue: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (withValue.has(w)) i++;
    else if (!w.startsWith('-')) out.push(w);
  }
  return out;
}
