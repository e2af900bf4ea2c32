import { compileGoGlob } from '../dockerfile/match-wildcard.js';
import { splitArgs } from '../shell/split-args.js';
import type { ImageModel, ImagePath } from '../types.js';
import { followCommand } from './follow-command.js';
import { dirnameOf, resolveImagePath } from './image-paths.js';
import type { Frame, Walk } from './launch-walk.js';

/** Where supervisord looks for its configuration without `-c` (its documented search order). */
const DEFAULT_CONFIGS = ['supervisord.conf', 'etc/supervisord.conf', '/etc/supervisord.conf', '/etc/supervisor/supervisord.conf'];

/** `supervisord.conf` sections: keys with their values, continuation lines joined. */
export function readSupervisorConfig(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') continue;
    const line = raw.replace(/\s;.*$/, '');
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      section = new Map();
      sections.set(header[1]!.trim(), section);
      key = undefined;
    } else if (/^\s/.test(line) && section && key !== undefined) {
      section.set(key, `${section.get(key)} ${line.trim()}`);
    } else if (section) {
      const eq = line.search(/[=:]/);
      if (eq === -1) continue;
      key = line.slice(0, eq).trim();
      section.set(key, line.slice(eq + 1).trim());
    }
  }
  return sections;
}

/** `KEY="value",OTHER=value` of an `environment=` setting. */
function readEnvironment(value: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const match of (value ?? '').matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|'([^']*)'|[^,]*)/g)) {
    env[match[1]!] = match[3] ?? match[4] ?? match[2]!.trim();
  }
  return env;
}

/** supervisord's `%(ENV_X)s` and `%%` in a value; other expansions are left as written. */
const expand = (value: string, env: Record<string, string>): string =>
  value.replace(/%\(ENV_([A-Za-z_][A-Za-z0-9_]*)\)s/g, (_, name: string) => env[name] ?? '').replace(/%%/g, '%');

/**
 * `supervisord -c conf`: every `[program:x]` `command=` is a process the
 * container runs, started in its `directory=` with the `environment=` of
 * the program and of `[supervisord]`. Each is followed like a command line.
 */
export function followSupervisord(args: readonly string[], frame: Frame, walk: Walk): void {
  const dead = (reason: string): void => {
    walk.dead.push({ programs: frame.trail, reason, viaExec: frame.viaExec });
  };
  let given: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-c' || arg === '--configuration') given = args[++i];
    else if (arg.startsWith('--configuration=')) given = arg.slice('--configuration='.length);
    else if (arg.startsWith('-c') && arg.length > 2) given = arg.slice(2);
  }
  const candidates: ImagePath[] = given !== undefined ? [resolveImagePath(frame.cwd, given)] : DEFAULT_CONFIGS.map((c) => resolveImagePath(frame.cwd, c));
  const path = candidates.find((c) => walk.context.readImageText(c) !== undefined);
  // Debian's and Alpine's supervisor packages ship a configuration that only includes a folder of program files.
  const packaged = path === undefined && given === undefined ? packagedConfig(walk.context.image) : undefined;
  if (path === undefined && packaged === undefined) return dead(`supervisord's configuration ${given ?? candidates.join(', ')} is not in the image`);
  const sections = path !== undefined ? readSupervisorConfig(walk.context.readImageText(path)!) : new Map<string, Map<string, string>>();
  const includes = path !== undefined ? includedFiles(sections, path, walk) : filesMatching(packaged!.include, walk.context.image);
  for (const file of includes) {
    const text = walk.context.readImageText(file);
    if (text !== undefined) for (const [name, settings] of readSupervisorConfig(text)) if (!sections.has(name)) sections.set(name, settings);
  }
  const where = path ?? `${packaged!.config} (from the ${packaged!.name} package)`;
  const global = { ...frame.env, ...readEnvironment(sections.get('supervisord')?.get('environment')) };
  const programs = [...sections].filter(([name, settings]) => name.startsWith('program:') && settings.has('command'));
  if (programs.length === 0) return dead(`supervisord's configuration ${where} starts no [program:…] command`);
  for (const [, settings] of programs) {
    const env = { ...global, ...readEnvironment(settings.get('environment')) };
    const argv = splitArgs(expand(settings.get('command')!, env));
    const directory = settings.get('directory');
    const cwd = directory !== undefined ? resolveImagePath(frame.cwd, expand(directory, env)) : frame.cwd;
    followCommand(argv, { ...frame, cwd, env }, walk);
  }
}

/** The configuration an OS package installs, which includes a folder of program files. */
const PACKAGED_CONFIGS = [
  // Debian's supervisor package: /etc/supervisor/supervisord.conf, `[include] files = /etc/supervisor/conf.d/*.conf`.
  { name: 'apt supervisor', installs: /\bapt(?:-get)?\b[^;&|]*\binstall\b[^;&|]*\ssupervisor(?=\s|$)/m, config: '/etc/supervisor/supervisord.conf', include: '/etc/supervisor/conf.d/*.conf' },
  // Alpine's supervisor package: /etc/supervisord.conf, `[include] files = /etc/supervisor.d/*.ini`.
  { name: 'apk supervisor', installs: /\bapk\b[^;&|]*\badd\b[^;&|]*\ssupervisor(?=\s|$)/m, config: '/etc/supervisord.conf', include: '/etc/supervisor.d/*.ini' },
];

function packagedConfig(image: ImageModel): (typeof PACKAGED_CONFIGS)[number] | undefined {
  return PACKAGED_CONFIGS.find((packaged) => image.runs.some((run) => packaged.installs.test(run.command)));
}

/** `[include] files = a/*.conf /etc/x.conf`: globs relative to the including file's folder. */
function includedFiles(sections: Map<string, Map<string, string>>, config: ImagePath, walk: Walk): ImagePath[] {
  const files = sections.get('include')?.get('files');
  if (files === undefined) return [];
  return files.split(/\s+/).filter(Boolean).flatMap((pattern) => filesMatching(resolveImagePath(dirnameOf(config), pattern), walk.context.image));
}

function filesMatching(pattern: string, image: ImageModel): ImagePath[] {
  const glob = compileGoGlob(pattern);
  return glob === undefined ? [] : [...image.files.keys()].filter((file) => glob.test(file)).sort();
}
