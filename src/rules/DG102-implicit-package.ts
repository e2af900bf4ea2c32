import type { Rule } from './rule.js';
import { either, fixNote, incompleteAssumption } from './dependency-wording.js';

/**
 * DG102 implicit-package — a package the code needs because of how it uses
 * another one, not because it imports it: BigQuery's `.to_dataframe()` needs
 * db-dtypes and pandas, pandas `read_parquet` needs pyarrow, a postgresql://
 * SQLAlchemy URL needs a driver, gunicorn `-k uvicorn.workers.UvicornWorker`
 * needs uvicorn. The container starts, then fails on the first call that
 * needs it. Rules are data (data/implicit-packages.json) extended by the
 * config's `implicitPackages`. Fix: install one of the alternatives named.
 */
export const implicitPackage: Rule = {
  code: 'DG102',
  name: 'implicit-package',
  severity: 'error',
  summary: 'a package needed by how the code uses another one (BigQuery to_dataframe → db-dtypes) is not installed',
  why: 'the call that needs it fails at run time, often long after deploy',
  fix: 'install one of the packages named',
  check: (analysis) =>
    (analysis.dependencies?.implicitNeeds ?? []).map((need) => ({
      code: implicitPackage.code,
      rule: implicitPackage.name,
      severity: need.severity,
      ...assumptionOf(need.runsIf, need.incomplete),
      file: need.file,
      line: need.line,
      message: `${need.reason}: ${need.evidence.join(' and ')} here, but the image installs no ${either(need.alternatives)}${fixNote(need.fix)}`,
      distribution: need.alternatives[0] as string,
      ...(need.fix ? { fix: need.fix } : {}),
    })),
};

/** Both guesses a need may rest on, in words: the code may not run, and the image may hold more. */
function assumptionOf(runsIf: string | undefined, incomplete: string | undefined): { assumption: string } | Record<string, never> {
  const missing = incompleteAssumption(incomplete).assumption;
  const parts = [runsIf, missing].filter((p) => p !== undefined);
  return parts.length === 0 ? {} : { assumption: parts.join('; ') };
}
