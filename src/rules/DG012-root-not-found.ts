import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG012 root-not-found — a config roots entry names a file that does not exist: the extra entry file cannot be followed. */
export const rootNotFound: Rule = {
  code: 'DG012',
  name: 'root-not-found',
  severity: 'warning',
  summary: 'a config roots entry names a file that does not exist',
  why: 'the extra entry file cannot be followed',
  fix: 'correct or remove the `roots` entry in the config',
  check: (analysis) => observeProblems(rootNotFound, allProblems(analysis)),
};
