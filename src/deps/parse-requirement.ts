import { isValidVersion } from './compare-versions.js';
import { normalizeName } from './normalize-name.js';
import { parseMarker } from './parse-marker.js';
import type { RequirementKind } from './types.js';

export interface ParsedRequirement {
  rawName: string;
  name: string;
  extras: string[];
  specifier: string;
  url?: string;
  marker?: string;
}

export type RequirementParse = { ok: true; value: ParsedRequirement } | { ok: false; message: string };

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;
const CLAUSE = /^(===|==|!=|<=|>=|~=|<|>)\s*([A-Za-z0-9.*+!_-]+)$/;

/** Parses one PEP 508 string: `name[extras] (spec | @ url) ; marker`. */
export function parseRequirement(text: string): RequirementParse {
  const source = text.trim();
  const nameMatch = NAME.exec(source);
  if (!nameMatch?.[1]) return { ok: false, message: `'${source}' is not a requirement (it must start with a distribution name)` };
  const rawName = nameMatch[1];
  let rest = source.slice(rawName.length).trimStart();

  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return { ok: false, message: `unclosed '[' in '${source}'` };
    extras = rest.slice(1, close).split(',').map((e) => e.trim()).filter(Boolean);
    if (extras.some((e) => !NAME.test(e) || NAME.exec(e)?.[1] !== e)) return { ok: false, message: `invalid extras in '${source}'` };
    extras = extras.map(normalizeName);
    rest = rest.slice(close + 1).trimStart();
  }

  let url: string | undefined;
  let specPart = rest;
  let markerPart: string | undefined;
  if (rest.startsWith('@')) {
    const after = rest.slice(1).trimStart();
    url = after.split(/\s/, 1)[0] ?? '';
    if (!url) return { ok: false, message: `missing URL after '@' in '${source}'` };
    const tail = after.slice(url.length).trim();
    if (tail && !tail.startsWith(';')) return { ok: false, message: `unexpected '${tail}' after the URL in '${source}'` };
    if (tail) markerPart = tail.slice(1);
    specPart = '';
  } else {
    const semi = rest.indexOf(';');
    if (semi >= 0) {
      markerPart = rest.slice(semi + 1);
      specPart = rest.slice(0, semi);
    }
  }

  const specifier = parseSpecifier(specPart);
  if (specifier === undefined) return { ok: false, message: `invalid version specifier '${specPart.trim()}' in '${source}'` };
  const value: ParsedRequirement = { rawName, name: normalizeName(rawName), extras, specifier };
  if (url !== undefined) value.url = url;
  if (markerPart !== undefined) {
    const marker = markerPart.trim();
    const parsed = parseMarker(marker);
    if (!parsed.ok) return { ok: false, message: `invalid marker '${marker}': ${parsed.message}` };
    value.marker = marker;
  }
  return { ok: true, value };
}

/** `(>= 1.0, < 2)` → `>=1.0,<2`; undefined when a clause is not PEP 440. */
export function parseSpecifier(text: string): string | undefined {
  let spec = text.trim();
  if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1).trim();
  if (!spec) return '';
  const clauses = spec.split(',').map((c) => c.trim());
  const out: string[] = [];
  for (const clause of clauses) {
    const m = CLAUSE.exec(clause);
    if (!m?.[1] || !m[2] || !isValidClause(m[1], m[2])) return undefined;
    out.push(`${m[1]}${m[2]}`);
  }
  return out.join(',');
}

// Checked clause by clause: the library's validRange costs ~75µs a call, too slow for big pip-compile outputs.
function isValidClause(op: string, version: string): boolean {
  if (op === '===') return true;
  if (version.endsWith('.*')) return (op === '==' || op === '!=') && isValidVersion(version.slice(0, -2));
  if (op === '~=' && !/^(\d+!)?\d+\.\d+/.test(version)) return false;
  return isValidVersion(version);
}

/** What kind of direct reference a URL is. */
export function classifyUrl(url: string): RequirementKind {
  if (/^(git|hg|svn|bzr)\+/i.test(url)) return 'vcs';
  if (/^file:/i.test(url)) return 'path';
  return 'url';
}
