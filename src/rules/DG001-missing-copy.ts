import type { MissingModule, Observation } from '../types.js';
import { allProblems, observeProblems, type Rule } from './rule.js';

/**
 * DG001 missing-copy — a first-party module the service imports is in the
 * repository but not in the image. The image builds and deploys, then the
 * import raises ModuleNotFoundError when it runs (for a lazy import, on the
 * first request that reaches it). Example: `from orders.pricing import rules`
 * while the Dockerfile copies only `orders/models.py`. Fix: the COPY line
 * given, or an exception in the ignore file that hides the module.
 *
 * A guard does not excuse a module the repository has: `try: from .pdf
 * import render` / `except ImportError: render = None` in an image that
 * lacks `pdf.py` silently turns the feature off, so it is still an error.
 * Only a module that exists nowhere under a guard (an optional local file,
 * like `local_settings.py`) is a warning; the closure states that as the
 * finding's assumption.
 */
export const missingCopy: Rule = {
  code: 'DG001',
  name: 'missing-copy',
  severity: 'error',
  summary: 'a first-party module the service imports is not copied into the image',
  why: 'the import raises ModuleNotFoundError in the running container',
  fix: "add the COPY line shown to the service's Dockerfile, or remove the pattern of the ignore file that hides the module",
  check(analysis) {
    const fromMissing = analysis.missing.map((missing) => observe(missing, analysis.service.context));
    return [...fromMissing, ...observeProblems(missingCopy, allProblems(analysis))];
  },
};

function observe(missing: MissingModule, context: string | undefined): Observation {
  return {
    code: missingCopy.code,
    rule: missingCopy.name,
    severity: missingCopy.severity,
    file: missing.file,
    line: missing.line,
    message: describe(missing, context),
    module: missing.module,
    chain: missing.chain,
    ...(missing.fix ? { fix: missing.fix } : {}),
    ...(missing.assumption !== undefined ? { assumption: missing.assumption } : {}),
  };
}

function describe(missing: MissingModule, context: string | undefined): string {
  const dynamic = missing.dynamic ? 'dynamically loaded ' : '';
  if (missing.repoPath === undefined && missing.assumption !== undefined) {
    const guarded = missing.guarded ? ' (the import is guarded, so the service may run without it)' : '';
    return `${dynamic}module ${missing.module} is imported, and neither the image model nor the repository has it${guarded}`;
  }
  if (missing.repoPath === undefined) {
    const guarded = missing.guarded ? ' (the import is guarded, so the service may run without it)' : '';
    return `${dynamic}module ${missing.module} is imported but exists neither in the image nor in the repository (deleted or renamed?)${guarded}`;
  }
  const guarded = missing.guarded ? '; the import is guarded, so the feature that needs it is silently disabled in the container' : '';
  const what = `${dynamic}module ${missing.module} (${missing.repoPath}${missing.repoPath.endsWith('.py') ? '' : '/'})`;
  if (missing.stdlibShadow) {
    const top = missing.module.split('.')[0]!;
    return `${what} is not in the image, so the container imports the standard library's ${top} instead, which has no ${missing.module.slice(top.length + 1)}${guarded}`;
  }
  switch (missing.reason) {
    case 'ignored':
      return `${what} is excluded from the build context by ${missing.ignoredBy}, so the image lacks it${guarded}`;
    case 'outside-context':
      return `${what} lies outside the build context ${context === '' ? '.' : context}, so no COPY can add it; build from a folder that contains it${guarded}`;
    case 'not-on-path':
      return `${what} is in the image at ${missing.inImageAt!.file}, but ${missing.inImageAt!.root} is not on the container's sys.path, so the import fails${guarded}`;
    default:
      return `${what} is imported but not copied into the image${guarded}`;
  }
}
