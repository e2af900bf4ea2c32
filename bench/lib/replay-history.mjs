/**
 * The commits `bench/replay.mjs` replays, shaped like a real team's last 40:
 * mostly edits inside functions, a few that change what imports what, some
 * Dockerfile and requirements lines, a rename, a large refactor, a commit
 * that touches nothing dockguard reads, and a new third-party import that
 * the image lacks (blocked), fixed by the next commit.
 *
 * Each edit changes the working tree and returns the paths to stage (or
 * stages them itself with git mv / git rm). Everything is derived from the
 * repository and a seeded random source, so a seed gives the same history on
 * every machine.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findLibraryCopies } from '../hook-scenario.mjs';

/**
 * How many of each kind a 40-commit history holds; `missing package` is
 * always followed by its fix. Three commits change what a shared library
 * imports (two new imports, one refactor): each makes every service that
 * copies the library be checked in full, the commits that set p95.
 */
export const HISTORY_MIX = [
  ['function body in a shared library', 13],
  ['function body in a service', 4],
  ['new import in a shared module most images copy', 2],
  ['new module in a service', 3],
  ['Dockerfile line', 4],
  ['requirements bump', 3],
  ['module renamed, importers updated', 3],
  ['50-file refactor', 1],
  ['docs only', 3],
  ['missing package (blocked), then its fix', 2],
];

export function createHistory(repo, random) {
  const gitIn = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  const read = (file) => readFileSync(path.join(repo, file), 'utf8');
  const write = (file, text) => writeFileSync(path.join(repo, file), text);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const pythonFiles = (under) =>
    gitIn('ls-files', '-z', under)
      .split('\0')
      .filter((f) => f.endsWith('.py') && !f.endsWith('__init__.py'))
      .sort();
  const copies = [...findLibraryCopies(repo)].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const [sharedLib] = copies[0];
  const services = gitIn('ls-files', '-z', 'services/*/Dockerfile')
    .split('\0')
    .filter(Boolean)
    .map((dockerfile) => path.basename(path.dirname(dockerfile)))
    .sort();
  let counter = 0;
  const bodyEdit = (file) => appendFileSync(path.join(repo, file), `\n\ndef _replay_${++counter}(value):\n    total = value + ${counter}\n    return total\n`);
  /** A module of the shared library, as Python imports it (libs/<lib>/ is copied to ./<lib>/). */
  const dottedName = (file) => file.replace(/^libs\//, '').replace(/\.py$/, '').replaceAll('/', '.');

  const edits = {
    'function body in a shared library': () => {
      const files = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pythonFiles(`libs/${sharedLib}`)));
      for (const file of new Set(files)) bodyEdit(file);
      return [...new Set(files)];
    },
    'function body in a service': () => {
      const file = pick(pythonFiles(`services/${pick(services)}`));
      bodyEdit(file);
      return [file];
    },
    'new import in a shared module most images copy': () => {
      const modules = pythonFiles(`libs/${sharedLib}`);
      const [file, imported] = [pick(modules), pick(modules)];
      write(file, `import ${dottedName(imported)}  # replay ${++counter}\n${read(file)}`);
      return [file];
    },
    'new module in a service': () => {
      const service = pick(services);
      const main = `services/${service}/${service}/main.py`;
      const firstParty = read(main)
        .split('\n')
        .filter((line) => /^(?:from|import) acme_\w+/.test(line))
        .slice(0, 2);
      const file = `services/${service}/${service}/replay_feature_${++counter}.py`;
      write(file, `"""Feature added by replay commit ${counter}."""\nimport json\n${firstParty.join('\n')}\n\n\ndef handle(payload):\n    return json.dumps(payload)\n`);
      write(main, `${read(main)}\nfrom . import replay_feature_${counter}  # noqa: E402\n`);
      return [file, main];
    },
    'Dockerfile line': () => {
      const dockerfile = `services/${pick(services)}/Dockerfile`;
      const line = pick([`ENV FEATURE_FLAG_${++counter}=1`, `LABEL org.opencontainers.image.revision="replay-${++counter}"`, `ENV GUNICORN_TIMEOUT=${30 + ++counter}`]);
      const text = read(dockerfile);
      write(dockerfile, text.replace(/^(CMD|ENTRYPOINT)/m, `${line}\n$1`));
      return [dockerfile];
    },
    'requirements bump': () => {
      const file = `services/${pick(services)}/requirements.txt`;
      const lines = read(file).split('\n');
      const pinned = lines.map((line, i) => [line, i]).filter(([line]) => /^[\w.-]+==\d+(\.\d+)*$/.test(line));
      const [line, i] = pick(pinned);
      lines[i] = line.replace(/(\d+)$/, (patch) => String(Number(patch) + 1));
      write(file, lines.join('\n'));
      return [file];
    },
    'module renamed, importers updated': () => {
      const service = pick(services);
      const candidates = pythonFiles(`services/${service}/${service}`).filter((f) => !f.endsWith('/main.py') && !f.includes('replay_feature'));
      const file = pick(candidates);
      const stem = path.basename(file, '.py');
      const renamed = `${stem}_v${++counter}`;
      gitIn('mv', file, path.join(path.dirname(file), `${renamed}.py`));
      // What a developer's rename does to every import of it: `import a.b.<stem>`, `from a.b.<stem> import X`
      // and `from a.b import <stem>` (kept under its old name with `as`), relative forms included. A module
      // of the same name elsewhere (a shared library's) is left alone.
      const packageOf = (f) => path.dirname(f).replace(`services/${service}/`, '').replaceAll('/', '.');
      const parent = packageOf(file);
      const touched = [];
      for (const other of gitIn('ls-files', '-z', `services/${service}`).split('\0').filter((f) => f.endsWith('.py'))) {
        const text = read(other);
        const next = text.replace(/^(\s*)(from|import) (\.*)([\w.]*)(.*)$/gm, (line, indent, keyword, dots, name, rest) => {
          const base = dots === '' ? name : [...packageOf(other).split('.').slice(0, 1 - dots.length || undefined), ...(name ? [name] : [])].join('.');
          if (base === `${parent}.${stem}` || base.startsWith(`${parent}.${stem}.`)) return `${indent}${keyword} ${dots}${name.replace(new RegExp(`\\b${stem}\\b$`), renamed)}${rest}`;
          if (keyword === 'from' && base === parent) return line.replace(new RegExp(`(import .*?)\\b${stem}\\b(?! as)`), `$1${renamed} as ${stem}`);
          return line;
        });
        if (next === text) continue;
        write(other, next);
        touched.push(other);
      }
      return touched;
    },
    '50-file refactor': () => {
      const all = pythonFiles('libs').concat(pythonFiles('services'));
      const files = new Set();
      while (files.size < 50) files.add(pick(all));
      let n = 0;
      for (const file of files) {
        // One file in ten also gains a stdlib import: what a refactor does to import lists.
        if (++n % 10 === 0) write(file, `import functools  # replay refactor ${counter}\n${read(file)}`);
        bodyEdit(file);
      }
      return [...files];
    },
    'docs only': () => {
      appendFileSync(path.join(repo, 'README.md'), `\nReplay note ${++counter}.\n`);
      return ['README.md'];
    },
    'missing package (blocked), then its fix': () => {
      // Two commits: the import of a package the image does not install, then the requirement.
      const service = pick(services.filter((s) => !/^stripe==/im.test(read(`services/${s}/requirements.txt`))));
      const main = `services/${service}/${service}/main.py`;
      write(main, `${read(main)}\nimport stripe  # noqa: E402  replay ${++counter}\n`);
      return { staged: [main], fix: () => {
        const requirements = `services/${service}/requirements.txt`;
        write(requirements, `${read(requirements).replace(/\n?$/, '\n')}stripe==10.12.0\n`);
        return [requirements];
      } };
    },
  };

  /** The history: kinds in a seeded order, each `missing package` followed by its fix. */
  const schedule = HISTORY_MIX.flatMap(([kind, count]) => Array.from({ length: count }, () => kind));
  for (let i = schedule.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [schedule[i], schedule[j]] = [schedule[j], schedule[i]];
  }
  return {
    sharedLib,
    servicesCopyingSharedLib: copies[0][1].length,
    /** Yields `{ kind, staged }` per commit, after editing the tree: `staged` are the paths to add. */
    *commits() {
      for (const kind of schedule) {
        const result = edits[kind]();
        if (Array.isArray(result)) yield { kind, staged: result };
        else {
          yield { kind: 'missing package (blocked)', staged: result.staged };
          yield { kind: 'its fix', staged: result.fix() };
        }
      }
    },
    exists: (file) => existsSync(path.join(repo, file)),
  };
}
