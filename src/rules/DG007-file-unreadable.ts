import { allProblems, observeProblems, type Rule } from './rule.js';

/**
 * DG007 file-unreadable — a file the service needs (Dockerfile, Python
 * module) is binary, too large, or not decodable. dockguard cannot vouch for
 * what it cannot read, so this blocks like any other error.
 */
export const fileUnreadable: Rule = {
  code: 'DG007',
  name: 'file-unreadable',
  severity: 'error',
  summary: 'a file the service needs cannot be read or decoded (binary, too large, bad encoding)',
  why: 'dockguard cannot check what it cannot read',
  fix: 'make the file readable UTF-8 text, or exclude the service or path in the config',
  check: (analysis) => [
    ...analysis.unreadable.map(({ path, reason }) => ({
      code: fileUnreadable.code,
      rule: fileUnreadable.name,
      severity: fileUnreadable.severity,
      file: path,
      line: 0,
      message: `${path} ${reason}; dockguard could not analyse it`,
    })),
    ...observeProblems(fileUnreadable, allProblems(analysis)),
  ],
};
