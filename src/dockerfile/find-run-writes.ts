import path from 'node:path';
import { runShellCommands } from '../shell/run-shell-commands.js';
import type { RunRecord } from '../types.js';

/** A place a RUN writes files to, and the program that does. */
export interface RunWrite {
  /** Absolute image path. */
  path: string;
  program: string;
  /** A code generator's output folder, which must exist, holding modules whose names match this regex source. */
  generated?: string;
  /** The folder a program whose outputs cannot be listed runs in (see `ImageModel.opaque`). */
  unlisted?: boolean;
}

/** Options that name where a program writes, by common convention. */
const OUTPUT_OPTIONS = ['-o', '--output', '--out', '--output-file', '--outfile', '--out-file', '--output-dir', '--outdir', '--out-dir', '--output-directory', '--output-path'];
/** Installers and package managers: their `-o`/`--target` options say nothing of files a module could be imported from. */
const PACKAGE_TOOLS = new Set(['pip', 'pip3', 'uv', 'pipenv', 'conda', 'mamba', 'micromamba', 'pixi', 'apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf', 'npm', 'yarn', 'pnpm']);

/** Options that take a value, per program, so the value is not read as a positional argument. */
const VALUE_OPTIONS: Record<string, Set<string>> = {
  git: new Set(['-b', '--branch', '--depth', '-c', '--config', '-o', '--origin', '--reference', '--separate-git-dir', '-j', '--jobs', '--filter', '--template', '-u', '--upload-pack', '--shallow-since', '--shallow-exclude']),
  cp: new Set(['-t', '--target-directory', '-S', '--suffix']),
  mv: new Set(['-t', '--target-directory', '-S', '--suffix']),
  ln: new Set(['-t', '--target-directory', '-S', '--suffix']),
  install: new Set(['-t', '--target-directory', '-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix']),
};
const WRAPPERS = new Set(['sudo', 'exec', 'nice', 'nohup', 'time', 'command', 'env']);
const PROTOC_OUT = /^--(python|grpc_python|pyi|mypy|mypy_grpc|python_betterproto)_out=(.+)$/;

/**
 * Where a RUN's commands put files, as far as their words say: `git clone`,
 * `curl -o`, `wget`, `cp`/`mv`/`ln`/`install`, `tar -x`, `unzip`, a venv,
 * protoc's `--python_out`, a lock exported or compiled to a requirements
 * file (`poetry`/`uv`/`pdm export -o`, `pip-compile -o`), and output
 * redirections. What lands there is
 * unknown to dockguard, so an import resolving there is unknown, not
 * missing. Not a full model: `rm`, `chmod` and other writes are not read.
 */
export function findRunWrites(run: RunRecord): RunWrite[] {
  if (run.form !== 'shell') return [];
  const writes: RunWrite[] = [];
  let cwd: string = run.workdir;
  for (const shell of runShellCommands(run)) {
    let words = shell.words;
    while (words[0] !== undefined && (WRAPPERS.has(words[0]) || /^[A-Za-z_]\w*=/.test(words[0]))) words = words.slice(1);
    const program = path.posix.basename(words[0] ?? '');
    // Named as a reader would: `RUN git clone`, `RUN python -m grpc_tools.protoc`.
    const shown =
      program === 'git' || (program === 'uv' && words[1] === 'venv') || (['poetry', 'pdm', 'uv'].includes(program) && words[1] === 'export')
        ? `${program} ${words[1]}`
        : words[1] === '-m' && words[2]
          ? `${program} -m ${words[2]}`
          : program;
    const at = (target: string) => writes.push({ path: path.posix.resolve(cwd, target), program: shown });
    for (const output of shell.outputs ?? []) if (!output.startsWith('/dev/')) at(output);
    if (program === 'cd') {
      if (words[1] !== undefined && !words[1].includes('$')) cwd = path.posix.resolve(cwd, words[1]);
      continue;
    }
    const destinations = destinationsOf(program, words.slice(1));
    // A script given its output (`--output-dir=config`) writes there; one given none may write anywhere it runs.
    const unlisted = destinations.length === 0 ? unlistedWriter(program, words) : undefined;
    if (unlisted !== undefined) writes.push({ path: cwd, program: unlisted, unlisted: true });
    const generated = generatedModules(program, words.slice(1));
    for (const target of destinations) {
      if (target.includes('$') || target.includes('`')) continue;
      if (generated === undefined) at(target);
      else {
        const out = path.posix.resolve(cwd, target);
        writes.push({ path: out, program: shown, generated });
        // protoc writes `<out>/<proto's folder below its -I root>/x_pb2.py`: those folders exist, as namespace packages.
        for (const dir of protoPackageDirs(words.slice(1), cwd)) writes.push({ path: path.posix.join(out, dir), program: shown, generated });
      }
    }
  }
  return writes;
}

function destinationsOf(program: string, args: string[]): string[] {
  const option = (...names: string[]) => {
    const out: string[] = [];
    args.forEach((arg, i) => {
      for (const name of names) {
        if (arg === name && args[i + 1] !== undefined) out.push(args[i + 1]!);
        else if (name.startsWith('--') && arg.startsWith(`${name}=`)) out.push(arg.slice(name.length + 1));
        else if (!name.startsWith('--') && arg.startsWith(name) && arg.length > name.length) out.push(arg.slice(name.length));
      }
    });
    return out;
  };
  switch (program) {
    case 'git': {
      const [sub, repo, dir] = positionals(args, VALUE_OPTIONS.git!);
      if (sub !== 'clone' || repo === undefined) return [];
      return [dir ?? path.posix.basename(repo.replace(/\/+$/, '')).replace(/\.git$/, '')];
    }
    case 'curl': {
      // `-O` names the file after the URL.
      const named = option('-o', '--output');
      const remote = args.includes('-O') || args.includes('--remote-name') ? urlNames(args) : [];
      return [...named, ...remote];
    }
    case 'wget': {
      const named = option('-O', '--output-document');
      if (named.length > 0) return named;
      const dir = option('-P', '--directory-prefix')[0] ?? '.';
      return urlNames(args).map((name) => path.posix.join(dir, name));
    }
    case 'cp':
    case 'mv':
    case 'ln':
    case 'install':
    case 'rsync': {
      const target = option('-t', '--target-directory');
      if (target.length > 0) return target;
      const rest = positionals(args, VALUE_OPTIONS[program] ?? new Set());
      return rest.length >= 2 ? [rest.at(-1)!] : [];
    }
    case 'tar':
      return /^-?[a-zA-Z]*x/.test(args[0] ?? '') || args.some((a) => a === '--extract' || /^-[a-zA-Z]*x/.test(a)) ? option('-C', '--directory').concat(['.']).slice(0, 1) : [];
    case 'tee':
      return positionals(args, new Set()).filter((file) => !file.startsWith('/dev/'));
    case 'unzip':
      return option('-d').concat(['.']).slice(0, 1);
    case 'virtualenv':
      return positionals(args, new Set()).slice(0, 1);
    // Lock exporters and compilers write a requirements file (to stdout without an output option).
    case 'poetry':
    case 'pdm':
      return args[0] === 'export' ? option('-o', '--output') : [];
    case 'pip-compile':
      return option('-o', '--output-file');
    case 'protoc':
      return args.flatMap((a) => PROTOC_OUT.exec(a)?.[2] ?? []);
    default:
      break;
  }
  if (/^python(\d(\.\d+)?)?$/.test(program) && args[0] === '-m') {
    if (args[1] === 'venv' || args[1] === 'virtualenv') return positionals(args.slice(2), new Set()).slice(-1);
    if (args[1] === 'grpc_tools.protoc') return args.flatMap((a) => PROTOC_OUT.exec(a)?.[2] ?? []);
  }
  const runsModule = /^python(\d(\.\d+)?)?$/.test(program) && args[0] === '-m';
  if (!PACKAGE_TOOLS.has(runsModule ? (args[1] ?? '') : program)) {
    // Any other program given an output option (a code generator: `datamodel-codegen --output app/models.py`,
    // `openapi-generator-cli generate -o client`): what it names may hold modules nobody can see.
    const named = option(...OUTPUT_OPTIONS);
    if (named.length > 0) return named;
  }
  if (program === 'uv' && (args[0] === 'export' || (args[0] === 'pip' && args[1] === 'compile'))) return option('-o', '--output-file');
  if (program === 'uv' && args[0] === 'venv') return positionals(args.slice(1), new Set(['-p', '--python', '--prompt'])).slice(0, 1).concat(['.venv']).slice(0, 1);
  return [];
}

/** Task runners: what their tasks write is not read. */
const TASK_RUNNERS = new Set(['make', 'gmake', 'just', 'task', 'invoke', 'inv', 'nox', 'doit', 'poe']);
const SHELLS = /^(?:ba|da)?sh$/;

/**
 * How to name a program that may write files no word of the RUN lists: a
 * task runner, `buf generate` (its outputs are in buf.gen.yaml), a
 * repository script run by python or a shell, or a repository executable.
 * Django's manage.py is left out: its commands write static files and
 * translations, not modules.
 */
function unlistedWriter(program: string, words: string[]): string | undefined {
  const first = words[0] ?? '';
  if (TASK_RUNNERS.has(program)) return [program, ...words.slice(1).filter((w) => !w.startsWith('-')).slice(0, 1)].join(' ');
  if (program === 'buf' && words[1] === 'generate') return 'buf generate';
  const runner = /^python(\d(\.\d+)?)?$/.test(program) || SHELLS.test(program);
  const script = runner ? words.slice(1).find((w) => !w.startsWith('-')) : first.includes('/') && !first.startsWith('/') ? first : undefined;
  if (runner && words.slice(1).some((w) => w === '-m' || w === '-c' || /^-[a-z]*c$/.test(w))) return undefined;
  if (script === undefined || script.includes('$') || /(^|\/)(setup|manage)\.py$/.test(script)) return undefined;
  return runner ? `${program} ${script}` : script;
}

/**
 * The modules protoc's Python plugins write into their output folders:
 * `<proto>_pb2.py` and `<proto>_pb2_grpc.py` (with `.pyi` stubs beside).
 * betterproto writes packages named after the proto packages: any name.
 */
function generatedModules(program: string, args: string[]): string | undefined {
  const isProtoc = program === 'protoc' || (/^python(\d(\.\d+)?)?$/.test(program) && args[0] === '-m' && args[1] === 'grpc_tools.protoc');
  if (!isProtoc) return undefined;
  return args.some((a) => a.startsWith('--python_betterproto_out=')) ? '.' : '_pb2(_grpc)?$';
}

/**
 * The folders protoc writes below its output folder: each `.proto` file's
 * folder relative to the `-I`/`--proto_path` root that holds it (the working
 * folder without one). `protos/payments/charge.proto` under `-I protos` is
 * `payments/charge_pb2.py`.
 */
function protoPackageDirs(args: string[], cwd: string): string[] {
  const roots: string[] = [];
  const protos: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-I' || arg === '--proto_path') roots.push(args[++i] ?? '.');
    else if (arg.startsWith('--proto_path=')) roots.push(arg.slice('--proto_path='.length));
    else if (arg.startsWith('-I')) roots.push(arg.slice(2));
    else if (arg.endsWith('.proto') && !arg.startsWith('-')) protos.push(arg);
  }
  const absoluteRoots = (roots.length > 0 ? roots : ['.']).map((root) => path.posix.resolve(cwd, root));
  const dirs = new Set<string>();
  for (const proto of protos) {
    const file = path.posix.resolve(cwd, proto);
    const root = absoluteRoots.find((r) => file.startsWith(`${r === '/' ? '' : r}/`));
    if (root === undefined || proto.includes('$')) continue;
    const dir = path.posix.dirname(path.posix.relative(root, file));
    if (dir !== '.' && !/[*?[]/.test(dir)) dirs.add(dir);
  }
  return [...dirs];
}

/** The file names a download takes from its URLs. */
function urlNames(args: string[]): string[] {
  return args.filter((a) => /^[a-z]+:\/\//.test(a)).map((url) => path.posix.basename(url.replace(/[?#].*$/, '').replace(/\/+$/, ''))).filter((n) => n !== '');
}

/** Arguments that are not options or option values. */
function positionals(args: string[], valueOptions: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      if (valueOptions.has(arg)) i++;
      continue;
    }
    out.push(arg);
  }
  return out;
}
