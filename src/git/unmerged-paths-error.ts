import { DockguardError } from '../errors.js';

const SHOWN = 10;

/** The index still holds conflict stages: there is no single staged content to check. */
export class UnmergedPathsError extends DockguardError {
  constructor(readonly paths: string[]) {
    const shown = paths.slice(0, SHOWN).join(', ');
    const more = paths.length > SHOWN ? ` and ${paths.length - SHOWN} more` : '';
    super(
      `cannot check the staged commit: ${paths.length} file(s) have unresolved merge conflicts: ${shown}${more}`,
      'resolve the conflicts, `git add` the files, then commit again',
    );
    this.name = 'UnmergedPathsError';
  }
}
