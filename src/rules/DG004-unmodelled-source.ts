import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG004 unmodelled-source — a COPY/ADD whose source cannot be seen statically (external image, URL, unresolved variable): what it adds is unknown, so imports resolved through it are not checked. */
export const unmodelledSource: Rule = {
  code: 'DG004',
  name: 'unmodelled-source',
  severity: 'warning',
  summary: 'a COPY/ADD whose source cannot be seen statically (external image, URL, unresolved variable)',
  why: 'what it adds is unknown, so imports resolved through it are not checked',
  fix: 'copy from the build context where you can; otherwise silence the instruction with an ignore comment on the line above it, once you know what it adds',
  check: (analysis) => observeProblems(unmodelledSource, allProblems(analysis)),
};
