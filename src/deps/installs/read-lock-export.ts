import path from 'node:path/posix';
import { asImagePath, type ImagePath } from '../../types.js';
import { walkArgs } from './walk-args.js';

/**
 * A lock written out as requirements: `poetry export`, `uv export`, `pdm
 * export`, `pipenv requirements`. Installing that output with pip installs what the lock selects,
 * exactly as the tool's own install given the same group and extra options
 * would, so the export is read as that install.
 */
export interface LockExport {
  /** The equivalent lock install, as words (`poetry install --no-root --only main`). */
  installWords: string[];
  /** Where the requirements go: an image path, or undefined for standard output (`… | pip install -r /dev/stdin`). */
  output: ImagePath | undefined;
  /** The folder the export runs in, where the lock tool finds its project. */
  cwd: ImagePath;
  /** `poetry export`, for messages. */
  shown: string;
}

interface ExportSyntax {
  /** The lock tool's install subcommand. */
  install: string[];
  /** Options that take a value and only shape the output file (format, path). */
  outputOptions: ReadonlySet<string>;
  /** Options of the lock tool that take a value and carry over (groups, extras, project). */
  keptValueOptions: ReadonlySet<string>;
  /** Flags that only shape the output (hashes, headers). */
  outputFlags: ReadonlySet<string>;
  /** Export flags whose install equivalent is spelled differently. */
  renamed: Readonly<Record<string, string[]>>;
  /** What the install must add to match the export (poetry and pdm leave the project out of it). */
  added: string[];
  /** Options naming the output file. */
  outputFile: ReadonlySet<string>;
}

const SYNTAX: Record<string, ExportSyntax> = {
  poetry: {
    install: ['poetry', 'install'],
    outputOptions: new Set(['-f', '--format', '-o', '--output']),
    keptValueOptions: new Set(['-E', '--extras', '--with', '--without', '--only', '-C', '--directory', '-P', '--project']),
    outputFlags: new Set(['--without-hashes', '--without-urls', '--with-credentials']),
    // Poetry 1's `export --dev` took the dev group too, and its `--no-dev` left it out (the install's own
    // `--no-dev`, removed in Poetry 2, would read as a warning about the install).
    renamed: { '--dev': ['--with', 'dev'], '--no-dev': ['--without', 'dev'] },
    added: ['--no-root'],
    outputFile: new Set(['-o', '--output']),
  },
  uv: {
    install: ['uv', 'sync'],
    outputOptions: new Set(['--format', '-o', '--output-file']),
    keptValueOptions: new Set(['--extra', '--group', '--only-group', '--no-group', '--package', '--project', '--directory', '-p', '--python', '--no-extra']),
    outputFlags: new Set(['--no-hashes', '--no-header', '--no-annotate', '--no-editable', '--emit-project', '--emit-workspace']),
    // uv's export lists the project itself (`-e .`) unless told not to, as `uv sync` installs it.
    renamed: { '--no-emit-project': ['--no-install-project'], '--no-emit-workspace': ['--no-install-workspace'] },
    added: [],
    outputFile: new Set(['-o', '--output-file']),
  },
  pdm: {
    install: ['pdm', 'install'],
    outputOptions: new Set(['-f', '--format', '-o', '--output']),
    keptValueOptions: new Set(['-G', '--group', '--without', '-p', '--project', '-L', '--lockfile']),
    outputFlags: new Set(['--without-hashes', '--no-hashes', '--no-markers', '--expandvars', '--editable-self']),
    renamed: { '--self': [] },
    added: ['--no-self'],
    outputFile: new Set(['-o', '--output']),
  },
  pipenv: {
    install: ['pipenv', 'install'],
    outputOptions: new Set(),
    keptValueOptions: new Set(['--categories']),
    outputFlags: new Set(['--hash', '--exclude-markers', '--from-pipfile']),
    // `--dev-only` takes the develop packages alone.
    renamed: { '--dev-only': ['--categories', 'develop'] },
    added: [],
    outputFile: new Set(),
  },
};

/** The subcommand that exports, per tool. */
const EXPORT_SUBCOMMAND: Record<string, string> = { poetry: 'export', uv: 'export', pdm: 'export', pipenv: 'requirements' };

/**
 * The export a command performs, or undefined when it is none. `words`
 * start at the program (`poetry export -o requirements.txt --only main`);
 * `redirected` is where the command's standard output goes (`> requirements.txt`).
 */
export function readLockExport(words: readonly string[], cwd: ImagePath, redirected?: string): LockExport | undefined {
  const program = path.basename(words[0] ?? '');
  const syntax = SYNTAX[program];
  if (!syntax || words[1] !== EXPORT_SUBCOMMAND[program]) return undefined;
  const kept: string[] = [];
  let output = redirected === undefined || redirected.startsWith('/dev/') ? undefined : asImagePath(path.resolve(cwd, redirected));
  let added = syntax.added;
  const withValue = new Set([...syntax.outputOptions, ...syntax.keptValueOptions]);
  walkArgs(words.slice(2), withValue, (option, value) => {
    if (option === undefined) return;
    if (syntax.outputFile.has(option) && value !== undefined) output = asImagePath(path.resolve(cwd, value));
    if (syntax.outputOptions.has(option) || syntax.outputFlags.has(option)) return;
    // `pdm export --self` lists the project too.
    if (program === 'pdm' && option === '--self') added = [];
    const renamed = syntax.renamed[option];
    if (renamed) kept.push(...renamed);
    else kept.push(option, ...(value !== undefined ? [value] : []));
  });
  return { installWords: [...syntax.install, ...added, ...kept], output, cwd, shown: `${program} ${words[1]}` };
}
