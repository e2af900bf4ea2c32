import { firstPositionalIndex } from './parse-options.js';

/** What a wrapper runs: the wrapped command line, maybe in another directory or with more env. */
export type Unwrapped = { rest: string[]; chdir?: string; env?: Record<string, string> } | { failure: string };
type Wrapper = (args: string[]) => Unwrapped;

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** Skips options (values of `takesValue` ones too) and runs what follows. */
const afterOptions = (...takesValue: string[]): Wrapper => {
  const set = new Set(takesValue);
  return (args) => ({ rest: args.slice(firstPositionalIndex(args, set)) });
};

/** `gosu user cmd`, `su-exec user:group cmd`. */
const afterUser: Wrapper = (args) => ({ rest: args.slice(1) });

/** `timeout [opts] 30s cmd`, `taskset [opts] 0x3 cmd`: options, one operand of the wrapper's own, then the command. */
const afterOptionsAndOperand = (...takesValue: string[]): Wrapper => {
  const set = new Set(takesValue);
  return (args) => {
    const operand = firstPositionalIndex(args, set);
    return operand < args.length ? { rest: args.slice(operand + 1) } : { failure: 'is given no command to run' };
  };
};

/** `tool [opts] run [opts] cmd`; `-m mod` and a `.py` command run in the tool's Python. */
const afterRun = (takesValue: string[], chdirOptions: string[] = []): Wrapper => {
  const set = new Set([...takesValue, ...chdirOptions, '-m', '--module']);
  return (args) => {
    const run = args.indexOf('run');
    if (run === -1) return { failure: 'is not followed by `run <command>`' };
    const tail = args.slice(run + 1);
    const start = firstPositionalIndex(tail, set);
    const options = [...args.slice(0, run), ...tail.slice(0, start)];
    const chdir = optionValue(options, chdirOptions);
    const module = optionValue(options, ['-m', '--module']);
    const rest = tail.slice(start);
    if (module !== undefined) return { rest: ['python', '-m', module, ...rest], chdir };
    return { rest: rest[0]?.endsWith('.py') ? ['python', ...rest] : rest, chdir };
  };
};

/** Value of the last of `names` in an option list (`--name v` or `--name=v`). */
function optionValue(options: string[], names: string[]): string | undefined {
  let value: string | undefined;
  options.forEach((arg, i) => {
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (names.includes(name)) value = eq > 0 ? arg.slice(eq + 1) : options[i + 1];
  });
  return value;
}

/** `env [-i] [-u NAME] [-C dir] [NAME=value]... cmd`. */
const unwrapEnv: Wrapper = (args) => {
  const env: Record<string, string> = {};
  let chdir: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    const m = ASSIGNMENT.exec(arg);
    if (m) env[m[1] as string] = m[2] as string;
    else if (arg === '-u' || arg === '--unset') i++;
    else if (arg === '-C' || arg === '--chdir') chdir = args[++i];
    else if (!arg.startsWith('-')) break;
  }
  return { rest: args.slice(i), env, chdir };
};

const UV_VALUES = ['--with', '--with-editable', '--with-requirements', '--python', '-p', '--project', '--directory',
  '--env-file', '--extra', '--group', '--no-group', '--only-group', '--package', '--index', '--index-url',
  '--default-index', '--extra-index-url', '--find-links', '-f', '--config-file', '--cache-dir', '--color',
  '--index-strategy', '--keyring-provider', '--resolution', '--prerelease', '--exclude-newer', '--link-mode',
  '--refresh-package', '--reinstall-package', '--upgrade-package', '-P', '--no-binary-package',
  '--no-build-package', '--python-platform', '--allow-insecure-host', '--config-setting', '-C',
  '--no-build-isolation-package'];

/**
 * Programs that start another program; each strips its own options. Keys
 * are basenames.
 */
export const WRAPPERS: Record<string, Wrapper> = {
  'opentelemetry-instrument': (args) => {
    // Every opentelemetry-instrument option takes a value.
    const values = new Set(args.filter((a) => a.startsWith('--') && !a.includes('=')));
    return { rest: args.slice(firstPositionalIndex(args, values)) };
  },
  'ddtrace-run': afterOptions(),
  'dumb-init': afterOptions('-r', '--rewrite'),
  tini: afterOptions('-p', '-e'),
  'tini-static': afterOptions('-p', '-e'),
  gosu: afterUser,
  'su-exec': afterUser,
  nohup: afterOptions(),
  nice: afterOptions('-n', '--adjustment'),
  // Process-control and environment tools of coreutils, util-linux, runit, X and secret managers' init binaries.
  timeout: afterOptionsAndOperand('-s', '--signal', '-k', '--kill-after'),
  taskset: afterOptionsAndOperand(),
  stdbuf: afterOptions('-i', '-o', '-e', '--input', '--output', '--error'),
  ionice: afterOptions('-c', '-n', '-p', '-P', '-u', '--class', '--classdata'),
  chpst: afterOptions('-u', '-U', '-b', '-e', '-/', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c', '-r', '-t'),
  'xvfb-run': afterOptions('-e', '-f', '-n', '-p', '-s', '-w', '--error-file', '--auth-file', '--server-num', '--xauth-protocol', '--server-args', '--wait'),
  catatonit: afterOptions(),
  'secrets-init': afterOptions('--provider', '-p'),
  // Go flags: single or double dash, every one but the booleans takes a value.
  dockerize: afterOptions(...['wait', 'timeout', 'template', 'stdout', 'stderr', 'delims', 'wait-retry-interval', 'wait-http-header'].flatMap((f) => [`-${f}`, `--${f}`])),
  env: unwrapEnv,
  'newrelic-admin': (args) => {
    if (args[0] === 'run-program') return { rest: args.slice(1) };
    if (args[0] === 'run-python') return { rest: ['python', ...args.slice(1)] };
    return { failure: 'is not followed by `run-program <command>`' };
  },
  uv: afterRun(UV_VALUES, ['--directory']),
  poetry: afterRun(['-C', '--directory', '-P', '--project']),
  pipenv: afterRun([]),
  pdm: afterRun(['-p', '--project']),
  conda: afterRun(['-n', '--name', '-p', '--prefix', '--cwd'], ['--cwd']),
  mamba: afterRun(['-n', '--name', '-p', '--prefix', '--cwd'], ['--cwd']),
  micromamba: afterRun(['-n', '--name', '-p', '--prefix', '--cwd'], ['--cwd']),
};

export function findWrapper(program: string): Wrapper | undefined {
  return Object.hasOwn(WRAPPERS, program) ? WRAPPERS[program] : undefined;
}
