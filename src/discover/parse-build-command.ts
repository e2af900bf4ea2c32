import { baseName } from './repo-path.js';

/** A build found in a command line, with its paths as written (after static expansion). */
export interface BuildCommand {
  /**
   * `gcloud-config`: `gcloud builds submit --config X`; the builds are in X, read with `substitutions`.
   * `bake`: `docker buildx bake -f X`; the builds are X's targets.
   */
  kind: 'docker' | 'gcloud-submit' | 'gcloud-run' | 'gcloud-config' | 'bake';
  /** `-f` value; undefined means `<context>/Dockerfile`. */
  file?: string;
  context: string;
  target?: string;
  /** `--build-arg K=V` pairs, values as written (may hold `$VARS`). */
  buildArgs: Array<[string, string]>;
  /** `-t`/`--tag` values as written. */
  tags?: string[];
  /** `gcloud-config` and `bake` only: the Cloud Build config or bake file as written. */
  config?: string;
  /** `gcloud-config` only: `--substitutions K=V,…`. */
  substitutions?: Array<[string, string]>;
}

// Everything else is taken to need a value: a wrongly eaten positional only loses one build, never invents one.
const DOCKER_SWITCHES = new Set([
  '--push', '--load', '--no-cache', '--pull', '-q', '--quiet', '--rm', '--force-rm', '--squash', '--compress',
  '--disable-content-trust', '--check', '--debug', '--help',
]);
const GCLOUD_SWITCHES = new Set(['--async', '--no-cache', '--suppress-logs', '--no-source', '--quiet', '-q', '--help']);
const CONTAINER_TOOLS = new Set(['docker', 'podman']);

/** Recognises `docker build`, `docker buildx build`, `podman build`, `gcloud builds submit --tag`, `gcloud run deploy --source`. */
export function parseBuildCommand(words: readonly string[]): BuildCommand | undefined {
  for (let i = 0; i < words.length; i += 1) {
    const tool = baseName(words[i] as string);
    if (CONTAINER_TOOLS.has(tool)) {
      const start = buildStart(words, i + 1);
      if (start !== undefined) return parseDockerBuild(words.slice(start));
      if (words[i + 1] === 'buildx' && words[i + 2] === 'bake') return parseBake(words.slice(i + 3));
    }
    if (tool === 'gcloud') return parseGcloud(words.slice(i + 1));
  }
  return undefined;
}

function buildStart(words: readonly string[], at: number): number | undefined {
  if (words[at] === 'build') return at + 1;
  if ((words[at] === 'buildx' || words[at] === 'image') && words[at + 1] === 'build') return at + 2;
  return undefined;
}

/** Docker build arguments as a list (also the `args:` array of a Cloud Build docker step, after `build`). */
export function parseDockerBuild(args: readonly string[]): BuildCommand | undefined {
  const { options, positionals } = parseOptions(args, DOCKER_SWITCHES);
  const context = positionals[0];
  if (context === undefined || context === '-' || /^[a-z]+:\/\/|^git@/.test(context)) return undefined;
  const command: BuildCommand = { kind: 'docker', context, buildArgs: [] };
  const file = last(options, '-f') ?? last(options, '--file');
  if (file !== undefined) command.file = file;
  const target = last(options, '--target');
  if (target !== undefined) command.target = target;
  const tags = [...(options.get('-t') ?? []), ...(options.get('--tag') ?? [])];
  if (tags.length > 0) command.tags = tags;
  for (const pair of options.get('--build-arg') ?? []) {
    const eq = pair.indexOf('=');
    // `--build-arg NAME` takes the value from the caller's environment, which is unknown here.
    if (eq > 0) command.buildArgs.push([pair.slice(0, eq), pair.slice(eq + 1)]);
  }
  return command;
}

/** `docker buildx bake -f x.hcl`: a bake file under a name bake does not look for by itself (those are read on their own). */
function parseBake(args: readonly string[]): BuildCommand | undefined {
  const { options } = parseOptions(args, new Set(['--load', '--push', '--print', '--pull', '--no-cache', '--check', '--debug', '--help']));
  const file = [...(options.get('-f') ?? []), ...(options.get('--file') ?? [])].find((f) => /\.(?:hcl|json)$/.test(f));
  return file === undefined ? undefined : { kind: 'bake', context: '.', config: file, buildArgs: [] };
}

function parseGcloud(words: readonly string[]): BuildCommand | undefined {
  let at = 0;
  while (words[at] === 'alpha' || words[at] === 'beta') at += 1;
  const [group, verb] = [words[at], words[at + 1]];
  const { options, positionals } = parseOptions(words.slice(at + 2), GCLOUD_SWITCHES);
  if (group === 'builds' && verb === 'submit') {
    const source = positionals[0] ?? '.';
    if (/^gs:\/\/|\.(tgz|tar\.gz)$/.test(source)) return undefined;
    const config = last(options, '--config');
    if (config !== undefined && !options.has('--tag') && !options.has('-t')) {
      const substitutions = (options.get('--substitutions') ?? []).flatMap((list) => list.split(',')).flatMap((pair): Array<[string, string]> => {
        const eq = pair.indexOf('=');
        return eq > 0 ? [[pair.slice(0, eq).trim(), pair.slice(eq + 1)]] : [];
      });
      return { kind: 'gcloud-config', context: source, config, substitutions, buildArgs: [] };
    }
    // Without --tag or --config, gcloud runs ./cloudbuild.yaml (scanned on its own) or buildpacks.
    if (!options.has('--tag') && !options.has('-t')) return undefined;
    return { kind: 'gcloud-submit', context: source, buildArgs: [], tags: [...(options.get('--tag') ?? []), ...(options.get('-t') ?? [])] };
  }
  if (group === 'run' && verb === 'deploy') {
    const source = last(options, '--source');
    return source === undefined ? undefined : { kind: 'gcloud-run', context: source, buildArgs: [] };
  }
  return undefined;
}

function parseOptions(
  args: readonly string[],
  switches: ReadonlySet<string>,
): { options: Map<string, string[]>; positionals: string[] } {
  const options = new Map<string, string[]>();
  const positionals: string[] = [];
  const add = (name: string, value: string): void => {
    options.set(name, [...(options.get(name) ?? []), value]);
  };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') positionals.push(arg);
    else if (arg.includes('=')) add(arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    else if (switches.has(arg)) add(arg, '');
    else if (/^-[a-zA-Z]./.test(arg) && !arg.startsWith('--')) add(arg.slice(0, 2), arg.slice(2));
    else {
      add(arg, args[i + 1] ?? '');
      i += 1;
    }
  }
  return { options, positionals };
}

function last(options: Map<string, string[]>, name: string): string | undefined {
  const values = options.get(name);
  return values?.[values.length - 1];
}
