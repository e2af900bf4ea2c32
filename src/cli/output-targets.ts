import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { DockguardError } from '../errors.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

/** One report to produce: a format, and the file it goes to (standard output when none). */
export interface OutputTarget {
  format: Format;
  /** As the user wrote it, relative to the working directory. */
  file?: string;
}

const isFormat = (name: string): name is Format => (FORMATS as readonly string[]).includes(name);

/**
 * commander's parser for `--format`, repeated or comma-separated, each value
 * `FORMAT` or `FORMAT:FILE` (split at the first colon, so `sarif:C:\out.sarif`
 * works), in the way golangci-lint's `--out-format` takes them.
 */
export function collectFormats(value: string, previous: OutputTarget[] = []): OutputTarget[] {
  const targets = value.split(',').map((spec): OutputTarget => {
    const colon = spec.indexOf(':');
    const name = (colon < 0 ? spec : spec.slice(0, colon)).trim();
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!isFormat(name)) throw new InvalidArgumentError(`Allowed formats are ${FORMATS.join(', ')}, each optionally with :FILE.`);
    if (file === '') throw new InvalidArgumentError(`${name}: give a file after the colon.`);
    return file === undefined ? { format: name } : { format: name, file };
  });
  return [...previous, ...targets];
}

/**
 * The reports of one run. `--output-file` sends the one format given without
 * a file there; at most one report may go to standard output, and no two to
 * the same file. Checked before any analysis, so a typo costs nothing.
 */
export async function planOutputs(formats: readonly OutputTarget[] | undefined, outputFile: string | undefined, cwd: string): Promise<OutputTarget[]> {
  const given = formats && formats.length > 0 ? formats : [{ format: 'text' as const }];
  const unplaced = given.filter((t) => t.file === undefined);
  if (outputFile !== undefined && unplaced.length !== 1) {
    throw new DockguardError(`--output-file takes the one format given without a file, and ${unplaced.length === 0 ? 'every format has its own' : `${unplaced.length} are`}; write --format FORMAT:FILE for each`);
  }
  const targets = given.map((t) => (t.file === undefined && outputFile !== undefined ? { ...t, file: outputFile } : t));
  if (targets.filter((t) => t.file === undefined).length > 1) {
    throw new DockguardError(`only one format can go to standard output (${unplaced.map((t) => t.format).join(', ')}); give the others a file: --format FORMAT:FILE`);
  }
  const seen = new Map<string, Format>();
  for (const { format, file } of targets) {
    if (file === undefined) continue;
    const absolute = path.resolve(cwd, file);
    const other = seen.get(absolute);
    if (other !== undefined) throw new DockguardError(`${file}: both the ${other} and the ${format} report would be written there; give each its own file`);
    seen.set(absolute, format);
    if ((await stat(absolute).catch(() => undefined))?.isDirectory()) throw new DockguardError(`cannot write the ${format} report to ${file}: it is a directory`);
  }
  return targets;
}

/** Writes one report to its file (parent folders are made), or says in one line why it could not. */
export async function writeReport(target: OutputTarget & { file: string }, text: string, cwd: string): Promise<void> {
  const absolute = path.resolve(cwd, target.file);
  const fail = (reason: string) => new DockguardError(`cannot write the ${target.format} report to ${target.file}: ${reason}`);
  await mkdir(path.dirname(absolute), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw fail(error.code === 'EEXIST' || error.code === 'ENOTDIR' ? 'a parent of it is a file, not a folder' : reasonOf(error));
  });
  await writeFile(absolute, text).catch((error: NodeJS.ErrnoException) => {
    throw fail(reasonOf(error));
  });
}

/** Node's message without its code prefix and the path it repeats: `EACCES: permission denied, open '…'` → `permission denied`. */
const reasonOf = (error: Error): string => error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
