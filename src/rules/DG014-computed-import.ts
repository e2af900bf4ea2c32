import type { Observation } from '../types.js';
import type { Rule } from './rule.js';

/**
 * DG014 computed-import — a module the service runs imports another by a
 * name computed at run time: `import_module(os.environ["BACKEND"])`,
 * `__import__("plugins." + name)`. dockguard follows the string literals
 * that look like module paths, but cannot prove the module the call really
 * loads is in the image, so the site is named instead of passing silently.
 * Fix: import the modules by literal name, or silence the line with
 * `# dockguard: ignore[computed-import]` once the image is known to hold them.
 */
export const computedImport: Rule = {
  code: 'DG014',
  name: 'computed-import',
  severity: 'warning',
  summary: 'a module is imported by a name computed at run time',
  why: 'dockguard cannot check that the module the call loads is in the image',
  fix: 'import the modules by literal name, or silence the line with `# dockguard: ignore[computed-import]` once the image is known to hold them',
  check(analysis) {
    const observations: Observation[] = [];
    for (const [file, parsed] of analysis.modules) {
      for (const line of parsed.computedImports) {
        observations.push({
          code: computedImport.code,
          rule: computedImport.name,
          severity: computedImport.severity,
          file,
          line,
          message: 'this call imports a module whose name is computed at run time; dockguard cannot check that the image holds it',
          assumption: 'the module name is only known at run time',
        });
      }
    }
    return observations;
  },
};
