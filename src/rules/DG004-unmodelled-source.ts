import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG004 unmodelled-source — a COPY/ADD whose source cannot be seen statically (external image, URL, unresolved variable): what it adds is unknown, so imports resolved through it are not checked. */
export const unmodelledSource: Rule = {
  code: 'DG004',
  name: 'unmodelled-source',
  severity: 'warning',
  summary: 'a COPY/ADD whose source cannot be seen statically (external image, URL, unresolved variable)',
  why: 'what it adds is unknown, so imports resolved through it are not checked',
  check: (analysis) => observeProblems(unmodelledSource, allProblems(analysis)),
};
