import { pythonVersionOfImage } from '../deps/python-version.js';
import type { ServiceAnalysis } from '../types.js';

/**
 * Rules whose verdict rests on Python 3's semantics: how an import resolves
 * (Python 2 tries a package's own modules first for `import x`), what the
 * standard library holds (urllib2, ConfigParser, StringIO), what a syntax
 * error is (`print "x"`, `except E, e:`), which names a distribution
 * provides. Rules about the Dockerfile and the dependency files read the
 * same under either interpreter, and keep their evidence.
 */
const PYTHON3_MODELLED_RULES: ReadonlySet<string> = new Set([
  'missing-copy',
  'python-syntax-error',
  'computed-import',
  'missing-package',
  'implicit-package',
  'transitive-only',
]);

/** `python2`, `/usr/bin/python2.7`, `pypy2`: an interpreter that runs Python 2 whatever the base image. */
const PYTHON2_PROGRAM = /^(?:python|pypy)2(?:\.\d+)?$/;

/**
 * Why the service's Python findings are only assumed, when its container
 * runs Python 2: dockguard models Python 3, and a finding that a Python 3
 * container would crash proves nothing about a Python 2 one (a legacy image
 * built in production would be blocked for `import urllib2`). Undefined for
 * every Python 3 image.
 */
export function python2Assumption(analysis: Pick<ServiceAnalysis, 'image' | 'launch'>): string | undefined {
  const tagged = pythonVersionOfImage(analysis.image?.baseImage).outsideRange;
  if (tagged?.startsWith('2.')) return `the image runs Python ${tagged} (${analysis.image!.baseImage}), and dockguard checks Python 3's imports, syntax and standard library`;
  const program = (analysis.launch?.programs ?? []).map((p) => p.slice(p.lastIndexOf('/') + 1)).find((p) => PYTHON2_PROGRAM.test(p));
  return program === undefined ? undefined : `the container runs ${program}, and dockguard checks Python 3's imports, syntax and standard library`;
}

/** Whether a rule's findings rest on Python 3's semantics (see `PYTHON3_MODELLED_RULES`). */
export const restsOnPython3 = (rule: string): boolean => PYTHON3_MODELLED_RULES.has(rule);
