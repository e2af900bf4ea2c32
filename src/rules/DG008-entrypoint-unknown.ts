import { allProblems, observeProblems, type Rule } from './rule.js';

/** DG008 entrypoint-unknown — no Python entrypoint can be derived from CMD/ENTRYPOINT: dockguard falls back to every Python file of the service folder as a root. */
export const entrypointUnknown: Rule = {
  code: 'DG008',
  name: 'entrypoint-unknown',
  severity: 'warning',
  summary: 'no Python entrypoint can be derived from CMD/ENTRYPOINT',
  why: 'dockguard falls back to every Python file of the service folder as a root',
  fix: "give the service's entrypoint in the config (`services[].entrypoint`), or use a CMD/ENTRYPOINT dockguard can read",
  check: (analysis) => observeProblems(entrypointUnknown, allProblems(analysis)),
};
