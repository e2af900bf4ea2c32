import type { Problem, RepoPath } from '../types.js';
import { joinRequirementLines } from './join-requirement-lines.js';
import { isArchive, nameFromLocation } from './name-from-location.js';
import { parseRequirement, classifyUrl } from './parse-requirement.js';
import { parseRequirementOptions } from './requirement-options.js';
import { malformed, unanalysable } from './rules.js';
import { toRequirement } from './to-requirement.js';
import { evaluateMarker } from './evaluate-marker.js';
import type { MarkerEnv, Requirement } from './types.js';

export interface RequirementsInclude {
  kind: 'requirement' | 'constraint';
  /** As written, relative to the including file's directory. */
  target: string;
  line: number;
}

export interface RequirementsText {
  requirements: Requirement[];
  includes: RequirementsInclude[];
  problems: Problem[];
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const DIRECT_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@/;

/** One requirements file's own lines (pip format, §10.1); includes are returned, not followed. */
export function parseRequirementsText(file: RepoPath, text: string, env: MarkerEnv): RequirementsText {
  const result: RequirementsText = { requirements: [], includes: [], problems: [] };
  for (const { text: raw, line } of joinRequirementLines(text)) {
    const expanded = raw.replace(/\$\{([A-Z0-9_]+)\}/g, (whole, name: string) => env.vars?.[name] ?? whole);
    const tokens = expanded.split(/\s+/);
    const firstOption = tokens.findIndex((t) => t.startsWith('-'));
    const reqTokens = firstOption < 0 ? tokens : tokens.slice(0, firstOption);
    const options = parseRequirementOptions(firstOption < 0 ? [] : tokens.slice(firstOption));
    if (typeof options === 'string') {
      result.problems.push(malformed(file, line, `${file}:${line}: ${options}`));
      continue;
    }
    const lineOptions = options.filter((o) => o.scope === 'line');
    if (reqTokens.length > 0 && lineOptions.length + options.filter((o) => o.scope === 'global').length > 0) {
      result.problems.push(malformed(file, line, `${file}:${line}: a requirement line may carry only per-requirement options (--hash, --config-settings)`));
      continue;
    }
    if (lineOptions.length > 1) {
      result.problems.push(malformed(file, line, `${file}:${line}: one of -r, -c, -e per line`));
      continue;
    }
    const lineOption = lineOptions[0];
    if (lineOption?.name === 'requirement' || lineOption?.name === 'constraint') {
      result.includes.push({ kind: lineOption.name, target: lineOption.value ?? '', line });
      continue;
    }
    const spec = lineOption?.name === 'editable' ? (lineOption.value ?? '') : reqTokens.join(' ');
    if (!spec) continue; // global options only: nothing installed
    const parsed = readRequirementText(spec, file, line, env, lineOption?.name === 'editable');
    if ('rule' in parsed) result.problems.push(parsed);
    else {
      result.requirements.push(parsed);
      if (/\$\{[A-Z0-9_]+\}/.test(`${parsed.rawName}${parsed.specifier}`)) {
        result.problems.push(unanalysable(file, line, `${file}:${line}: '${spec}' uses a variable that is not set, so the requirement cannot be known`));
      }
    }
  }
  for (const include of result.includes) {
    if (/\$\{[A-Z0-9_]+\}/.test(include.target)) {
      result.problems.push(unanalysable(file, include.line, `${file}:${include.line}: include '${include.target}' uses a variable that is not set`));
    }
  }
  return result;
}

function readRequirementText(spec: string, file: RepoPath, line: number, env: MarkerEnv, editable: boolean): Requirement | Problem {
  const at = { file, line, direct: true };
  if (!SCHEME.test(spec) || /^[A-Za-z]:[\\/]/.test(spec)) {
    if (DIRECT_REFERENCE.test(spec) || !looksLikePath(spec)) {
      const parsed = parseRequirement(spec);
      if (!parsed.ok) return malformed(file, line, `${file}:${line}: ${parsed.message}`);
      return toRequirement(parsed.value, editable ? { ...at, kind: 'editable' } : at, env);
    }
  }
  // A bare URL or a local path: pip splits a marker off only at "; " here.
  const semi = spec.search(/\s;\s?|;\s/);
  let location = semi < 0 ? spec : spec.slice(0, semi).trim();
  const marker = semi < 0 ? undefined : spec.slice(semi).replace(/^\s*;/, '').trim();
  let extras: string[] = [];
  const extrasMatch = /\[([^\]]*)\]$/.exec(location);
  if (extrasMatch && !SCHEME.test(location)) {
    extras = (extrasMatch[1] ?? '').split(',').map((e) => e.trim()).filter(Boolean);
    location = location.slice(0, extrasMatch.index);
  }
  const { rawName, name } = nameFromLocation(location);
  const requirement: Requirement = {
    name,
    rawName: rawName || location,
    specifier: '',
    extras,
    markerResult: marker === undefined ? true : evaluateMarker(marker, env),
    source: { file, line },
    kind: editable ? 'editable' : SCHEME.test(location) ? classifyUrl(location) : 'path',
    direct: true,
    url: location,
  };
  if (marker !== undefined) requirement.marker = marker;
  return requirement;
}

/** pip treats text as a path when it has a `/`, starts with `.`, or names an archive. */
function looksLikePath(spec: string): boolean {
  const head = spec.split(/[\s;]/, 1)[0] ?? '';
  return head.includes('/') || head.startsWith('.') || isArchive(head.replace(/\[[^\]]*\]$/, ''));
}
