import { pythonVersionOfImage, pythonVersionOfService } from '../deps/python-version.js';
import { extractInstalls, SYSTEM_TOOLS } from '../deps/installs.js';
import { stageChain } from '../deps/installed/stage-chain.js';
import { parseImageReference } from '../dockerfile/base-image.js';
import type { ImageModel, ServiceAnalysis } from '../types.js';

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

/** An unversioned `python`: Python 2 where the distribution's `python` is (or the image installs) Python 2. */
const UNVERSIONED_PYTHON = /^(?:python|pypy)$/;

/**
 * Distribution OS packages of Python 2: `python`, `python2.7`, and Debian's/CentOS's `python-*`
 * libraries (`python-pip`, `python-dev`), which are Python 2's (Python 3's are `python3-*`).
 * `python-is-python3` makes `python` Python 3.
 */
const PYTHON2_OS_PACKAGE = /^(?:python|python2(?:\.\d+)?|python2-.+|python-(?!is-python3$).+)$/;

/** Releases whose own `python` (if present) is Python 2: CentOS/RHEL 7, Amazon Linux 2, Ubuntu ≤ 18.04, Debian ≤ 10. */
const PYTHON2_DISTRIBUTIONS: Record<string, RegExp> = {
  centos: /^(?:[5-7]|centos[5-7])(?:\b|\.)/,
  amazonlinux: /^(?:1|2)(?:\b|\.)|^20(?:17|18)/,
  ubuntu: /^(?:1[0-8]\.\d\d|trusty|xenial|bionic)/,
  debian: /^(?:[6-9]|10|wheezy|jessie|stretch|buster)(?:\b|\.|-)/,
};

/**
 * Why the service's Python findings are only assumed, when its container
 * runs Python 2, or `python` there may well be Python 2: dockguard models
 * Python 3, and a finding that a Python 3 container would crash proves
 * nothing about a Python 2 one (a legacy image built in production would be
 * blocked for `import urllib2`). Undefined for every Python 3 image.
 */
export function python2Assumption(analysis: Pick<ServiceAnalysis, 'image' | 'launch'>): string | undefined {
  const tagged = pythonVersionOfImage(analysis.image?.baseImage).outsideRange;
  if (tagged?.startsWith('2.')) return `the image runs Python ${tagged} (${analysis.image!.baseImage}), and dockguard checks Python 3's imports, syntax and standard library`;
  const programs = (analysis.launch?.programs ?? []).map((p) => p.slice(p.lastIndexOf('/') + 1));
  const program = programs.find((p) => PYTHON2_PROGRAM.test(p));
  if (program !== undefined) return `the container runs ${program}, and dockguard checks Python 3's imports, syntax and standard library`;
  const unversioned = programs.find((p) => UNVERSIONED_PYTHON.test(p));
  if (unversioned === undefined || analysis.image === undefined) return undefined;
  const installed = python2Packages(analysis.image);
  if (installed !== undefined) return `the container runs ${unversioned}, which is Python 2 where the image installs ${installed}; dockguard checks Python 3's imports, syntax and standard library`;
  const distribution = python2Distribution(analysis.image.baseImage);
  if (distribution !== undefined) return `the container runs ${unversioned}, which is Python 2 on ${distribution}; dockguard checks Python 3's imports, syntax and standard library`;
  return undefined;
}

/**
 * Why a syntax error is not proven: the interpreter's version is a guess and the command's
 * `python` may be Python 2, whose syntax (`print "x"`, `except E, e:`) Python 3 rejects.
 * Undefined when the command names Python 3 or the version is known.
 */
export function unknownInterpreterAssumption(analysis: Pick<ServiceAnalysis, 'image' | 'launch'>): string | undefined {
  const programs = analysis.launch?.programs ?? [];
  const python = pythonVersionOfService(analysis.image?.baseImage, programs);
  if (python.source !== 'default') return undefined;
  if (programs.some((p) => /^(?:python|pypy)3(?:\.\d+)?$/.test(p.slice(p.lastIndexOf('/') + 1)))) return undefined;
  return `the file is not Python 2: ${python.note ?? 'the Python version is unknown'}, and the container's python may be Python 2`;
}

/** `python, python-pip (Dockerfile line 2)`: the Python 2 OS packages the final image's stages install. */
function python2Packages(image: ImageModel): string | undefined {
  const chain = stageChain(image);
  for (const run of image.runs) {
    if (!chain.includes(run.stage)) continue;
    for (const install of extractInstalls(run, image.dockerfile)) {
      if (!SYSTEM_TOOLS.has(install.tool)) continue;
      const names = install.inline.map((p) => p.split('=')[0]!).filter((p) => PYTHON2_OS_PACKAGE.test(p));
      if (names.length > 0) return `${names.join(', ')} (${image.dockerfile} line ${install.line})`;
    }
  }
  return undefined;
}

function python2Distribution(baseImage: string | undefined): string | undefined {
  if (baseImage === undefined) return undefined;
  const { repository, tag } = parseImageReference(baseImage);
  const name = repository.slice(repository.lastIndexOf('/') + 1);
  return PYTHON2_DISTRIBUTIONS[name]?.test(tag) ? baseImage : undefined;
}

/** Whether a rule's findings rest on Python 3's semantics (see `PYTHON3_MODELLED_RULES`). */
export const restsOnPython3 = (rule: string): boolean => PYTHON3_MODELLED_RULES.has(rule);
