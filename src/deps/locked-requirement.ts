import type { RepoPath } from '../types.js';
import { evaluateMarker } from './evaluate-marker.js';
import { normalizeName } from './normalize-name.js';
import type { MarkerEnv, Requirement, RequirementKind } from './types.js';

export interface LockedEntry {
  rawName: string;
  version: string | undefined;
  kind: RequirementKind;
  url?: string;
  marker?: string;
  /** Already known (e.g. from reachability); otherwise the marker decides. */
  markerResult?: boolean | undefined;
  groups?: string[];
  dependsOn?: string[];
  file: RepoPath;
  line: number;
  direct?: boolean;
  extras?: string[];
}

/** One lock entry as a Requirement pinned `==version`. */
export function toLockedRequirement(entry: LockedEntry, env: MarkerEnv): Requirement {
  const requirement: Requirement = {
    name: normalizeName(entry.rawName),
    rawName: entry.rawName,
    specifier: entry.version ? `==${entry.version}` : '',
    extras: entry.extras ?? [],
    markerResult: 'markerResult' in entry ? entry.markerResult : entry.marker ? evaluateMarker(entry.marker, env) : true,
    source: { file: entry.file, line: entry.line },
    kind: entry.kind,
    direct: entry.direct ?? false,
  };
  if (entry.marker) requirement.marker = entry.marker;
  if (entry.url !== undefined) requirement.url = entry.url;
  if (entry.groups) requirement.groups = entry.groups;
  if (entry.dependsOn) requirement.dependsOn = entry.dependsOn;
  return requirement;
}

/** Lines of `[[package]]` / `[[packages]]` blocks in order, to point at each entry. */
export function findArrayTableLines(text: string, header: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`^\\s*\\[\\[\\s*${header}\\s*\\]\\]`);
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (re.test(line)) out.push(i + 1);
  });
  return out;
}

