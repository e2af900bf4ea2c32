import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG011 context-not-found — a build command or config names a build context folder that does not exist: that build fails, and the service cannot be checked against it. */
export const contextNotFound: Rule = {
  code: 'DG011',
  name: 'context-not-found',
  severity: 'warning',
  summary: 'a build command or config names a build context folder that does not exist',
  why: 'that build fails, and the service cannot be checked against it',
  fix: 'correct the build context path in the build command or config',
  check: (analysis) => observeProblems(contextNotFound, allProblems(analysis)),
};
