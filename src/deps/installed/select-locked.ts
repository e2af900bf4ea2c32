import type { InstallCommand } from '../installs.js';
import { normalizeName } from '../normalize-name.js';
import type { Requirement } from '../types.js';

/**
 * Lock entries an installer really installs: the marker holds (or cannot be
 * told) and one of the entry's groups is selected. `defaults` are the groups
 * the tool takes without flags (`main` + `dev` for uv, non-optional groups
 * for Poetry, `default` for Pipenv). Entries without group data count.
 */
export function selectLocked(requirements: readonly Requirement[], install: InstallCommand, defaults: string[]): Requirement[] {
  const g = install.groups;
  const norm = (names: string[]) => names.map(normalizeName);
  const selected = new Set<string>(g.only !== undefined ? ['main', ...norm(g.only)] : [...(g.noDefault ? ['main'] : defaults), ...norm(g.with)]);
  if (g.only !== undefined && !g.only.map(normalizeName).includes('main') && install.tool === 'poetry') selected.delete('main');
  for (const name of norm(g.without)) selected.delete(name);
  for (const extra of install.extras) selected.add(`extra:${normalizeName(extra)}`);
  const isSelected = (group: string): boolean =>
    selected.has(normalizeName(group)) || g.all || (install.allExtras && group.startsWith('extra:')) || selected.has(group);
  return requirements.filter((r) => r.markerResult !== false && r.name !== '' && (r.groups === undefined || r.groups.length === 0 || r.groups.some(isSelected)));
}
