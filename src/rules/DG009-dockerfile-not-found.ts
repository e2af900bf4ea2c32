import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG009 dockerfile-not-found — a compose file or build script names a Dockerfile that does not exist: that build fails. */
export const dockerfileNotFound: Rule = {
  code: 'DG009',
  name: 'dockerfile-not-found',
  severity: 'warning',
  summary: 'a compose file or build script names a Dockerfile that does not exist',
  why: 'that build fails',
  fix: 'correct the Dockerfile path in the compose file or build script',
  check: (analysis) => observeProblems(dockerfileNotFound, allProblems(analysis)),
};
