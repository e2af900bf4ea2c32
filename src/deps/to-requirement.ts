import { evaluateMarker } from './evaluate-marker.js';
import { classifyUrl, type ParsedRequirement } from './parse-requirement.js';
import type { MarkerEnv, Requirement, RequirementKind } from './types.js';
import type { RepoPath } from '../types.js';

export interface RequirementOrigin {
  file: RepoPath;
  line: number;
  direct: boolean;
  kind?: RequirementKind;
}

/** A parsed PEP 508 string placed in its file, its marker evaluated for the image. */
export function toRequirement(parsed: ParsedRequirement, origin: RequirementOrigin, env: MarkerEnv): Requirement {
  const requirement: Requirement = {
    name: parsed.name,
    rawName: parsed.rawName,
    specifier: parsed.specifier,
    extras: parsed.extras,
    markerResult: parsed.marker === undefined ? true : evaluateMarker(parsed.marker, env),
    source: { file: origin.file, line: origin.line },
    kind: origin.kind ?? (parsed.url === undefined ? 'registry' : classifyUrl(parsed.url)),
    direct: origin.direct,
  };
  if (parsed.marker !== undefined) requirement.marker = parsed.marker;
  if (parsed.url !== undefined) requirement.url = parsed.url;
  return requirement;
}
