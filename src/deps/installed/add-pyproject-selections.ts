import { normalizeName } from '../normalize-name.js';
import type { DependencyFile, PyprojectFile } from '../types.js';
import { addRequirements } from './add-requirements.js';
import type { InstalledSet } from './installed-set.js';

const isPyproject = (file: DependencyFile): file is PyprojectFile => file.format === 'pyproject';

/**
 * What `--extra x` / `--all-extras` and `--group g` add to an install that
 * reads a pyproject.toml as requirements (`uv pip install -r pyproject.toml
 * --extra redis`, `pip install --group prod`, pip ≥ 25.1's PEP 735 groups):
 * that extra's optional dependencies and that group's dependency list.
 */
export function addPyprojectSelections(file: DependencyFile, selection: { extras: readonly string[]; allExtras: boolean; groups: readonly string[] }, set: InstalledSet): void {
  if (!isPyproject(file)) return;
  const extras = selection.allExtras ? Object.keys(file.extras) : selection.extras.map(normalizeName);
  for (const extra of extras) addRequirements(set, file.extras[extra] ?? [], { via: 'pyproject' });
  for (const group of selection.groups) addRequirements(set, file.groups[normalizeName(group)] ?? [], { via: 'pyproject' });
}
