import type { Rule } from './rule.js';

/**
 * DG006 python-syntax-error — a Python file the service runs does not parse.
 * Importing it raises SyntaxError in the container. dockguard still follows
 * the imports it can recover from the rest of the file.
 */
export const pythonSyntaxError: Rule = {
  code: 'DG006',
  name: 'python-syntax-error',
  severity: 'error',
  summary: 'a Python file the service runs has a syntax error',
  why: 'importing it raises SyntaxError in the running container',
  fix: 'correct the syntax error at the line named',
  check: (analysis) =>
    analysis.syntaxErrors.map(({ file, line, column, message }) => ({
      code: pythonSyntaxError.code,
      rule: pythonSyntaxError.name,
      severity: pythonSyntaxError.severity,
      file,
      line,
      message: `syntax error at line ${line}, column ${column}${message ? ` (${message})` : ''}; this file is part of what the service runs`,
    })),
};
