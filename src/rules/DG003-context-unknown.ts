import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG003 context-unknown — the build context of a Dockerfile cannot be determined: without the context dockguard cannot tell what COPY sees, so it cannot vouch for the image. */
export const contextUnknown: Rule = {
  code: 'DG003',
  name: 'context-unknown',
  severity: 'error',
  summary: 'the build context of a Dockerfile cannot be determined',
  why: 'without the context dockguard cannot tell what COPY sees, so it cannot vouch for the image',
  fix: "name the build context in the config's `services` entry (the finding proposes one), or build the Dockerfile from a compose file",
  check: (analysis) => observeProblems(contextUnknown, allProblems(analysis)),
};
