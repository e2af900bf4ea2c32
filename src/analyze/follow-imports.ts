import { ImportClosure, type ClosureInput, type ClosureResult } from './import-closure.js';
import type { ImagePath } from '../types.js';

/** Each round can only add folders; real code inserts one or two, so a few rounds reach the fixed point. */
const MAX_ROUNDS = 4;

/**
 * The import closure on the sys.path the process really has. `sys.path` is
 * process-wide: once an executed module inserts a folder, every later import
 * anywhere sees it. The walk is breadth first, not in execution order, so
 * the folders the closure's modules add are put on sys.path (inserts in
 * front, appends at the end) and the walk is done again until it adds none.
 * Parsed modules come from the store's memory, so a round costs only the
 * resolution.
 */
export async function followImports(input: ClosureInput): Promise<ClosureResult & { sysPath: ImagePath[] }> {
  let sysPath = input.sysPath;
  for (let round = 1; ; round++) {
    const result = await new ImportClosure({ ...input, sysPath }).run();
    const known = new Set<ImagePath>(sysPath);
    const inserted = [...new Set(result.pathChanges.inserted)].filter((entry) => !known.has(entry));
    const appended = [...new Set(result.pathChanges.appended)].filter((entry) => !known.has(entry) && !inserted.includes(entry));
    if ((inserted.length === 0 && appended.length === 0) || round === MAX_ROUNDS) return { ...result, sysPath };
    sysPath = [...inserted, ...sysPath, ...appended];
  }
}
