/** Problem rules raised while discovering services, and their wording. */
import type { Problem } from '../types.js';

/** A compose file or build script that cannot be read or parsed: builds in it are not seen. */
export const FILE_UNREADABLE = 'discovery-file-unreadable';
/** A compose file, script or config names a Dockerfile that is not in the repository. */
export const DOCKERFILE_NOT_FOUND = 'dockerfile-not-found';
/** The Dockerfile exists but the build context folder named with it does not. */
export const CONTEXT_NOT_FOUND = 'context-not-found';
/** A config `roots` file that is not in the repository. */
export const ROOT_NOT_FOUND = 'root-not-found';

// The Dockerfile a not-found problem is about, so an `exclude` of that Dockerfile also silences it.
const aboutDockerfile = new WeakMap<Problem, string>();

export function referencedDockerfile(problem: Problem): string | undefined {
  return aboutDockerfile.get(problem);
}

function about(problem: Problem, dockerfile: string): Problem {
  aboutDockerfile.set(problem, dockerfile);
  return problem;
}

export function unreadableFile(file: string, line: number, reason: string): Problem {
  return {
    rule: FILE_UNREADABLE,
    file,
    line,
    severity: 'warning',
    message: `cannot read ${file}: ${reason}; Docker builds it describes were not taken into account`,
  };
}

export function dockerfileNotFound(file: string, line: number, dockerfile: string): Problem {
  return about({
    rule: DOCKERFILE_NOT_FOUND,
    file,
    line,
    severity: 'warning',
    message: `${dockerfile} is built here but does not exist in the repository`,
  }, dockerfile);
}

export function contextNotFound(file: string, line: number, dockerfile: string, context: string): Problem {
  return about({
    rule: CONTEXT_NOT_FOUND,
    file,
    line,
    severity: 'warning',
    message: `${dockerfile} is built here with context ${context || '.'}, which is not a folder of the repository`,
  }, dockerfile);
}

export function rootNotFound(file: string, root: string, service: string): Problem {
  return {
    rule: ROOT_NOT_FOUND,
    file,
    line: 0,
    severity: 'warning',
    message: `config root ${root} of ${service} does not exist in the repository`,
  };
}
