import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG002 copy-source-missing — a COPY/ADD source does not exist in the build context (or an ignore file excludes it): the build fails: docker cannot find the file. */
export const copySourceMissing: Rule = {
  code: 'DG002',
  name: 'copy-source-missing',
  severity: 'error',
  summary: 'a COPY/ADD source does not exist in the build context (or an ignore file excludes it)',
  why: 'the build fails: docker cannot find the file',
  fix: 'correct the source path, add the missing file, or remove the ignore-file pattern that excludes it',
  check: (analysis) => observeProblems(copySourceMissing, allProblems(analysis)),
};
