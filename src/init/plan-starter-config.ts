import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { InitAction, InitService } from './init-plan.js';

export const CONFIG_FILE = 'dockguard.config.json';

/**
 * Always JSON, pyproject-based repositories included: one format to document
 * and edit by program, and no rewriting of a file other tools own. An
 * existing config (JSON, or `[tool.dockguard]` in pyproject.toml) is kept.
 */
export function planStarterConfig(root: string, services: InitService[]): { actions: InitAction[]; notes: string[] } {
  const notes = describeServices(services);
  const file = path.join(root, CONFIG_FILE);
  if (existsSync(file)) return { actions: [], notes: [`${CONFIG_FILE} exists: left unchanged`, ...notes] };
  const pyproject = path.join(root, 'pyproject.toml');
  if (existsSync(pyproject) && /^\s*\[tool\.dockguard[\].]/m.test(readFileSync(pyproject, 'utf8'))) {
    return { actions: [], notes: ['pyproject.toml has [tool.dockguard]: no config written', ...notes] };
  }
  const entries = [...services]
    .sort((a, b) => a.dockerfile.localeCompare(b.dockerfile) || (a.name ?? '').localeCompare(b.name ?? ''))
    .map((service) => ({
      dockerfile: service.dockerfile,
      ...(service.context !== undefined ? { context: service.context } : {}),
      ...(service.name !== undefined ? { name: service.name } : {}),
    }));
  const content = `${JSON.stringify({ services: entries, exclude: [] }, null, 2)}\n`;
  return {
    actions: [{ kind: 'write-file', path: file, content, creates: true, why: `starter config with ${entries.length} service(s)` }],
    notes,
  };
}

/** One line per service: where its build context came from, or that it is unknown. */
function describeServices(services: InitService[]): string[] {
  if (services.length === 0) return ['no Dockerfile found: add services to the config when you write one'];
  const lines = [`services found (${services.length}):`];
  for (const service of services) {
    const label = service.name ? `${service.name} (${service.dockerfile})` : service.dockerfile;
    const origin = service.contextOrigin ? `${service.contextSource}, ${service.contextOrigin}` : service.contextSource;
    lines.push(
      service.context === undefined
        ? `  ${label}: build context unknown, set "context" for it in ${CONFIG_FILE}`
        : `  ${label}: context ${service.context === '' ? '.' : service.context} (from ${origin})`,
    );
  }
  return lines;
}
