import type { MissingPackage } from '../deps/dependency-analysis.js';
import { asImagePath, type Observation, type ServiceAnalysis } from '../types.js';
import { either, fixNote, incompleteAssumption, lookedAt } from './dependency-wording.js';
import type { Rule } from './rule.js';

/**
 * DG101 missing-package — a third-party import whose distribution no install
 * of the image provides. The image builds, then the import raises
 * ModuleNotFoundError in the container. Example: `import yaml` while
 * requirements.txt lacks PyYAML; `import distutils` on Python 3.12. Fix: the
 * line given, in the file the image installs (or the `uv add`/`poetry add`
 * command for a lock). A guarded import, or an image whose installs
 * dockguard cannot fully read, gives a warning.
 */
export const missingPackage: Rule = {
  code: 'DG101',
  name: 'missing-package',
  severity: 'error',
  summary: 'a third-party import whose distribution no install of the image provides',
  why: 'the import raises ModuleNotFoundError in the running container',
  fix: 'add the requirement line shown to the file the image installs (for a lock, the `uv add`/`poetry add` command shown)',
  check: (analysis) => (analysis.dependencies?.missingPackages ?? []).map((missing) => observe(missing, analysis)),
};

/** The import is the container's own entry module (the chain is only the launch command). */
const isEntryModule = (m: MissingPackage): boolean => m.chain.length === 1 && !m.file.endsWith('.py');

function observe(missing: MissingPackage, analysis: ServiceAnalysis): Observation {
  const fix = isEntryModule(missing) ? undefined : missing.fix;
  return {
    code: missingPackage.code,
    rule: missingPackage.name,
    severity: missing.severity,
    ...assumptionOf(missing),
    file: missing.file,
    line: missing.line,
    message: describe(missing, analysis),
    module: missing.module,
    ...(missing.expected[0] !== undefined ? { distribution: missing.expected[0] } : {}),
    chain: missing.chain,
    ...(fix ? { fix } : {}),
  };
}

/** The guessed name and the incomplete installs, both when both hold. */
function assumptionOf(m: MissingPackage): { assumption: string } | Record<string, never> {
  const parts = [m.assumption, incompleteAssumption(m.incomplete).assumption].filter((a) => a !== undefined);
  return parts.length === 0 ? {} : { assumption: parts.join('; ') };
}

function describe(m: MissingPackage, analysis: ServiceAnalysis): string {
  const how =
    m.condition ?? (m.conditional ? 'runs only when a condition decided at run time holds (a setting, the environment)' : 'is guarded by try/except');
  const guarded = m.guarded ? ` (the import ${how}, so the service may run without it)` : '';
  if (m.removedFromStdlib !== undefined) {
    const instead = m.expected.length > 0 ? `; install ${either(m.expected)} to bring it back` : '';
    return `module ${m.module} was ${m.removedFromStdlib}, which the image runs${instead}${guarded}${fixNote(m.fix)}`;
  }
  if (isEntryModule(m)) {
    const elsewhere = placesInImage(m.module, analysis);
    if (elsewhere.length > 0) {
      const sysPath = (analysis.sysPath ?? []).map((e) => e.path).join(', ');
      return `the container starts module ${m.module}, which the image holds at ${elsewhere.join(', ')}, a folder not on its sys.path (${sysPath}); put that folder on PYTHONPATH, or start the module from there${guarded}`;
    }
    return `the container starts module ${m.module}, which is neither in the image nor in the repository, and no install provides it (${lookedAt(m.lookedAt)}); check the module name in the command${guarded}`;
  }
  return `module ${m.module} is imported but no install provides ${either(m.expected)} (${lookedAt(m.lookedAt)})${guarded}${fixNote(m.fix)}`;
}

/** Where the image holds a module or package of the entry module's top-level name, off the walk's sys.path. */
function placesInImage(module: string, analysis: ServiceAnalysis): string[] {
  const top = module.split('.')[0]!;
  const image = analysis.image;
  if (!image) return [];
  const places = [...image.dirs].filter((dir) => dir.endsWith(`/${top}`) && image.files.has(asImagePath(`${dir}/__init__.py`)));
  for (const file of image.files.keys()) if (file.endsWith(`/${top}.py`)) places.push(file);
  return places.sort().slice(0, 3);
}
