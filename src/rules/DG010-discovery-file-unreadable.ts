import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG010 discovery-file-unreadable — a compose file, build script or CI file cannot be parsed: build contexts it defines are not known. */
export const discoveryFileUnreadable: Rule = {
  code: 'DG010',
  name: 'discovery-file-unreadable',
  severity: 'warning',
  summary: 'a compose file, build script or CI file cannot be parsed',
  why: 'build contexts it defines are not known',
  fix: 'correct the syntax of the file named',
  check: (analysis) => observeProblems(discoveryFileUnreadable, allProblems(analysis)),
};
