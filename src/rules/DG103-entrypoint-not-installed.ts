import type { MissingProgram } from '../deps/dependency-analysis.js';
import type { Rule } from './rule.js';
import { either, fixNote, incompleteAssumption } from './dependency-wording.js';

/**
 * DG103 entrypoint-not-installed — the program the container command runs
 * (`gunicorn`, `uvicorn`, `celery`, `opentelemetry-instrument`, …) comes from
 * a Python distribution no install provides. The container exits at start
 * with "executable file not found". Example: `CMD ["gunicorn", "app:app"]`
 * with a uv.lock that lacks gunicorn. Fix: add the distribution named.
 */
export const entrypointNotInstalled: Rule = {
  code: 'DG103',
  name: 'entrypoint-not-installed',
  severity: 'error',
  summary: 'the program CMD/ENTRYPOINT runs comes from a Python package the image does not install',
  why: 'the container exits at start: executable file not found',
  fix: 'add the distribution that provides the program to what the image installs',
  check: (analysis) =>
    (analysis.dependencies?.missingPrograms ?? []).map((m) => ({
      code: entrypointNotInstalled.code,
      rule: entrypointNotInstalled.name,
      severity: m.severity,
      ...programAssumption(m),
      file: m.file,
      line: m.line,
      message: `the container runs ${m.program}, which ${either(m.alternatives)} provides, but no install of the image includes it${fixNote(m.fix)}`,
      module: m.program,
      distribution: m.alternatives[0] as string,
      ...(m.fix ? { fix: m.fix } : {}),
    })),
};

/** The runtime condition the program starts under and the incomplete installs, both when both hold. */
function programAssumption(m: MissingProgram): { assumption?: string } {
  const parts = [m.assumption, incompleteAssumption(m.incomplete).assumption].filter((a) => a !== undefined);
  return parts.length === 0 ? {} : { assumption: parts.join('; ') };
}
