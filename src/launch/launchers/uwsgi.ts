import type { ImagePath, LaunchRoot } from '../../types.js';
import { splitArgs } from '../../shell/split-args.js';
import { basenameOf, dirnameOf, resolveImagePath } from '../image-paths.js';
import type { Invocation, LaunchContext, LauncherOutcome } from '../launch-context.js';
import { isPythonProgram } from './python.js';

/** uWSGI options (command line or config file) that name what its Python plugin loads, or where. */
const APP_MODULE = new Set(['module', 'wsgi', 'w']);
const APP_FILE = new Set(['wsgi-file', 'file']);
const PYTHON_PATH = new Set(['pythonpath', 'python-path', 'pp']);
/** Commands uWSGI runs beside the app, in its working directory (`hook-pre-app = exec:…` runs before it loads). */
const DAEMONS = new Set(['attach-daemon', 'attach-daemon2', 'smart-attach-daemon', 'smart-attach-daemon2', 'legion-attach-daemon']);
const EXEC_HOOKS = /^(?:hook-(?:pre|post)-app|hook-as-user|hook-master-start|exec-(?:pre|post)-app|exec-as-user)$/;

type Settings = Array<{ key: string; value: string }>;
const CONFIG_FILE = /\.(?:ini|ya?ml|json|xml)$/;

/** `key = value` lines of an ini file's `[uwsgi]` section (uWSGI reads no other by default), `;`/`#` comments out. */
export function readUwsgiIni(text: string): Settings {
  const settings: Settings = [];
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      inSection = header[1]!.trim() === 'uwsgi';
      continue;
    }
    const eq = line.indexOf('=');
    if (inSection && eq > 0) settings.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() });
  }
  return settings;
}

/** Command-line options as settings: `--key value`, `--key=value`, `-w value`; the rest are positionals. */
function readArgs(args: readonly string[]): { settings: Settings; positionals: string[] } {
  const settings: Settings = [];
  const positionals: string[] = [];
  // A flag (`--master`) takes no value; uWSGI's own table says which do. Without it, the next word is a
  // value unless it is an option or a config file, which uWSGI loads wherever it stands (`--master app.ini`).
  const valueAt = (i: number): string | undefined => {
    const next = args[i];
    return next === undefined || next.startsWith('-') || CONFIG_FILE.test(next) ? undefined : next;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const long = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    const short = /^-([A-Za-z])$/.exec(arg);
    if (long || short) {
      const inline = long?.[2];
      const value = inline ?? valueAt(i + 1);
      if (inline === undefined && value !== undefined) i++;
      settings.push({ key: (long?.[1] ?? short?.[1])!, value: value ?? '' });
    } else positionals.push(arg);
  }
  return { settings, positionals };
}

/** uWSGI's magic variables a path may use: `%d` (the config file's folder, with its slash), `$(VAR)`. */
function expand(value: string, configDir: ImagePath | undefined, env: Record<string, string>): string | undefined {
  let unknown = false;
  const expanded = value
    .replace(/%d/g, () => (configDir === undefined ? ((unknown = true), '') : `${configDir.replace(/\/$/, '')}/`))
    .replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (_, name: string) => env[name] ?? ((unknown = true), ''));
  return unknown || /%\(|%[a-zA-Z]/.test(expanded) ? undefined : expanded;
}

/**
 * `uwsgi [--ini] app.ini` or `uwsgi --module pkg.wsgi:application`: the
 * Python plugin changes to `chdir`, puts the working directory and the
 * `pythonpath` entries on sys.path (uWSGI's python_plugin.c, init_uwsgi_vars:
 * "." then each entry inserted at index 0), then imports
 * `module` (or runs `wsgi-file`). Settings come from the command line and
 * from an ini file's `[uwsgi]` section; both branches of `if-env`/`if-exists`
 * blocks count, since either may apply. Daemons it attaches (`attach-daemon
 * = ./manage.py sendalerts`) are Python programs of the service too.
 */
export function launchUwsgi(invocation: Invocation, context: LaunchContext): LauncherOutcome {
  const { cwd, env } = invocation;
  const { settings: fromArgs, positionals } = readArgs(invocation.args);
  // `--ini app.ini` leaves the file among the positionals (see readArgs); `--ini=app.ini:section` names a section.
  const configs = [...fromArgs.filter((s) => s.key === 'ini' && s.value !== '').map((s) => s.value.replace(/:[^/]*$/, '')), ...positionals.filter((p) => p.endsWith('.ini'))];
  const other = [
    ...fromArgs.filter((s) => ['yaml', 'yml', 'json', 'xml'].includes(s.key) && s.value !== '').map((s) => s.value),
    ...positionals.filter((p) => CONFIG_FILE.test(p) && !p.endsWith('.ini')),
  ];
  if (other.length > 0) return { failure: `uwsgi reads its configuration from ${other[0]}, a format dockguard does not read (only .ini)` };
  const settings: Array<{ key: string; value: string; configDir: ImagePath | undefined }> = [];
  for (const config of configs) {
    const path = resolveImagePath(cwd, config);
    const text = context.readImageText(path);
    if (text === undefined) return { failure: `uwsgi's configuration ${path} is not in the image` };
    for (const s of readUwsgiIni(text)) settings.push({ ...s, configDir: dirnameOf(path) });
  }
  for (const s of fromArgs) settings.push({ ...s, configDir: undefined });

  const values = (keys: ReadonlySet<string>): string[] | undefined => {
    const found: string[] = [];
    for (const s of settings.filter((s) => keys.has(s.key))) {
      const value = expand(s.value, s.configDir, env);
      if (value === undefined) return undefined;
      found.push(value);
    }
    return found;
  };
  const chdirs = values(new Set(['chdir']));
  if (chdirs === undefined) return { failure: 'uwsgi changes to a folder named by a variable dockguard cannot resolve' };
  const dir = chdirs.length > 0 ? resolveImagePath(cwd, chdirs[chdirs.length - 1]!) : cwd;
  const modules = values(APP_MODULE);
  const files = values(APP_FILE);
  const pythonpath = values(PYTHON_PATH);
  if (modules === undefined || files === undefined || pythonpath === undefined) return { failure: 'uwsgi is given its app through a variable dockguard cannot resolve' };
  const roots: LaunchRoot[] = [
    ...modules.map((m) => ({ kind: 'module' as const, module: m.split(':')[0]!.replace(/\.py$/, '').replaceAll('/', '.'), why: 'uwsgi module' })),
    ...files.map((f) => ({ kind: 'script' as const, path: resolveImagePath(dir, f), why: 'uwsgi wsgi-file' })),
    ...daemonRoots(settings, dir),
  ];
  if (modules.length + files.length === 0) return { failure: 'uwsgi is given no Python app (module or wsgi-file)' };
  // Several daemons often run one script (`./manage.py sendalerts`, `./manage.py sendreports`): one root each.
  const keyOf = (root: LaunchRoot): string => (root.kind === 'module' ? root.module : root.kind === 'script' ? root.path : root.why);
  const unique = roots.filter((root, i) => roots.findIndex((r) => keyOf(r) === keyOf(root)) === i);
  // uWSGI inserts "." at sys.path[0], then each pythonpath entry at 0 in turn: the last given comes first.
  return { roots: unique, front: [...pythonpath.map((p) => resolveImagePath(dir, p)).reverse(), dir] };
}

/** Python programs among the commands uWSGI attaches or runs from hooks: `./manage.py x`, `python -m pkg`. */
function daemonRoots(settings: ReadonlyArray<{ key: string; value: string }>, dir: ImagePath): LaunchRoot[] {
  const roots: LaunchRoot[] = [];
  for (const { key, value } of settings) {
    const command = DAEMONS.has(key) ? value : EXEC_HOOKS.test(key) && value.startsWith('exec:') ? value.slice('exec:'.length) : undefined;
    if (command === undefined) continue;
    const [program, ...rest] = splitArgs(command);
    if (program === undefined) continue;
    if (program.endsWith('.py')) roots.push({ kind: 'script', path: resolveImagePath(dir, program), why: `uwsgi ${key}` });
    else if (isPythonProgram(basenameOf(program)) && rest[0] === '-m' && rest[1]) roots.push({ kind: 'module', module: rest[1], why: `uwsgi ${key}` });
    else if (isPythonProgram(basenameOf(program)) && rest[0]?.endsWith('.py')) roots.push({ kind: 'script', path: resolveImagePath(dir, rest[0]), why: `uwsgi ${key}` });
  }
  return roots;
}
