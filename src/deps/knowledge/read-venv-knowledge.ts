/**
 * Requirements of the developer's virtualenv distributions, from each
 * METADATA's `Requires-Dist` (PKG-INFO / requires.txt for an egg-info):
 * unconditional ones as requirements, `extra == "x"` ones under their extra.
 * Read only when an image's closure needs them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluateMarker } from '../evaluate-marker.js';
import { normalizeName } from '../normalize-name.js';
import type { VenvIndex } from '../venv-metadata.js';
import type { KnownRequirements } from './dependency-knowledge.js';

export async function readVenvKnowledge(venv: VenvIndex, pythonVersion: string): Promise<Map<string, KnownRequirements>> {
  const known = new Map<string, KnownRequirements>();
  const source = `the virtualenv ${venv.location}`;
  await Promise.all([...venv.metadataDirs].map(async ([name, dir]) => {
    const metadata = (await readOptional(path.join(dir, 'METADATA'))) ?? (await readOptional(path.join(dir, 'PKG-INFO')));
    if (metadata === undefined) return;
    const header = metadata.split(/\r?\n\r?\n/)[0] ?? '';
    const lines = [...header.matchAll(/^Requires-Dist:\s*(.+)$/gm)].map((m) => (m[1] as string).trim());
    known.set(name, { ...splitRequirements(lines, pythonVersion), source });
  }));
  return known;
}

/** `requests (>=2) ; extra == "http"` → requires or extras.http. */
export function splitRequirements(lines: readonly string[], pythonVersion: string): { requires: string[]; extras: Record<string, string[]> } {
  const requires = new Set<string>();
  const extras: Record<string, string[]> = {};
  for (const line of lines) {
    const [spec = '', marker] = line.split(';', 2);
    const name = normalizeName(/^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec.trim())?.[0] ?? '');
    if (name === '') continue;
    const extra = marker === undefined ? undefined : /extra\s*==\s*["']([^"']+)["']/.exec(marker)?.[1];
    if (extra !== undefined) {
      (extras[normalizeName(extra)] ??= []).push(name);
      continue;
    }
    // An unknowable marker keeps the edge: a superset never claims a missing package falsely.
    if (marker !== undefined && evaluateMarker(marker, { pythonVersion }) === false) continue;
    requires.add(name);
  }
  return { requires: [...requires].sort(), extras };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
