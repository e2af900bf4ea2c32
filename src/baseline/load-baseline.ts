import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DockguardError } from '../errors.js';
import type { RepoPath, RepoSnapshot } from '../types.js';
import { DEFAULT_BASELINE_FILE, parseBaseline, type BaselineEntry } from './baseline-file.js';

/** Where the baseline came from (for messages), and its entries. */
export interface LoadedBaseline {
  file: string;
  entries: BaselineEntry[];
}

/**
 * The baseline a check uses: `--baseline FILE` (any path, read from disk;
 * it must exist), or else `dockguard-baseline.json` at the repository root
 * when the snapshot has it — read from the index with `--staged`, like the
 * config, so the commit is judged by the baseline it carries.
 */
export async function loadBaseline(snapshot: RepoSnapshot, cwd: string, given: string | false | undefined): Promise<LoadedBaseline | undefined> {
  if (given === false) return undefined;
  if (given !== undefined) {
    const absolute = path.resolve(cwd, given);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      throw new DockguardError(`${given}: the baseline cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'create it with `npx dockguard baseline --output FILE`');
    }
    return { file: given, entries: parseBaseline(text, given) };
  }
  const file = DEFAULT_BASELINE_FILE as RepoPath;
  if (!snapshot.files.has(file)) return undefined;
  return { file, entries: parseBaseline((await snapshot.read(file)).toString('utf8'), file) };
}
