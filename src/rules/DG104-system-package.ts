import type { Rule } from './rule.js';

/**
 * DG104 system-package — a distribution that builds against or loads an OS
 * library (lightgbm → libgomp1, psycopg2 → libpq) is installed while no
 * `apt-get install`/`apk add` line provides the library and the base image
 * does not ship it. Build-time needs fail `pip install`; run-time ones fail
 * the import with "cannot open shared object file". Data-driven
 * (data/system-packages.json, config `systemPackages`). Fix: the RUN given.
 */
export const systemPackage: Rule = {
  code: 'DG104',
  name: 'system-package',
  severity: 'error',
  summary: 'an installed package needs an OS library (libgomp1, libpq) that the image lacks',
  why: 'the build fails compiling it, or the import fails loading the shared library',
  fix: 'add the `apt-get install`/`apk add` line shown before the Python install',
  check: (analysis) =>
    (analysis.dependencies?.systemNeeds ?? []).map((need) => ({
      code: systemPackage.code,
      rule: systemPackage.name,
      severity: need.severity,
      file: need.file,
      line: need.line,
      message: `${need.reason}; the ${need.when === 'build' ? 'stage that installs it' : 'image'} has no ${need.manager} package ${need.packages.join(', ')}`,
      distribution: need.distribution,
      ...(need.assumption !== undefined ? { assumption: need.assumption } : {}),
      ...(need.fix ? { fix: need.fix } : {}),
    })),
};
