import { describeMinors, minorBit } from '../python/evaluate-condition.js';
import type { ImportRef } from '../types.js';

/** The image's Python minor, and whether the image says it plainly (an official python tag, a command naming it). */
export interface ImagePython {
  version: string;
  isExact: boolean;
}

/**
 * Whether an import under a Python-version branch runs in this image:
 * `skipped` when the image's Python is known and the branch is not taken
 * (the import is not followed at all), `runs` when it is known and taken (as
 * if unconditional), otherwise `unknown`: the import is optional, since
 * another Python takes the other branch.
 */
export function judgeVersionBranch(ref: ImportRef, python: ImagePython | undefined): 'skipped' | 'runs' | 'unknown' | undefined {
  const versions = ref.pythonVersions;
  if (!versions) return undefined;
  const bit = python?.isExact ? minorBit(python.version) : undefined;
  if (bit === undefined) return 'unknown';
  if (versions.skips & bit) return 'skipped';
  return versions.runs & bit ? 'runs' : 'unknown';
}

/** ``runs only on Python 3.10 and older (the else of `if sys.version_info >= (3, 11)`)``. */
export function describeVersionBranch(versions: NonNullable<ImportRef['pythonVersions']>): string {
  const on = versions.runs === 0 ? 'runs only on some Python versions' : `runs only on ${describeMinors(versions.runs)}`;
  return `${on} (${versions.condition})`;
}
