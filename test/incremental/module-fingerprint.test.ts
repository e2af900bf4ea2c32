import { describe, expect, it } from 'vitest';
import { ImplicitRuleIndex } from '../../src/deps/check/implicit-rule-index.js';
import { IMPLICIT_PACKAGE_RULES } from '../../src/deps/usage-rules.js';
import { fingerprintModule } from '../../src/incremental/module-fingerprint.js';
import { extractImports } from '../../src/python/extract-imports.js';

const rules = new ImplicitRuleIndex(IMPLICIT_PACKAGE_RULES);
/** The repository of these tests has a first-party `calendar` package and nothing else named like the stdlib. */
const repositoryNames = new Set(['services', 'api', 'app', 'shared', 'formatting', 'calendar', 'models']);
const fingerprint = (source: string) => fingerprintModule(extractImports(source), rules, (name) => repositoryNames.has(name));

const REPORT = `from google.cloud import bigquery

from shared import formatting


def rows(client: bigquery.Client):
    return list(client.query("select 1").result())
`;

describe('fingerprintModule', () => {
  it('stays the same when only code that the analysis does not read changes', () => {
    const edited = REPORT.replace('return list(', 'result = client.query("select 2")\n    print(len(result))\n    return list(');
    expect(fingerprint(edited)).toBe(fingerprint(REPORT));
    expect(fingerprint(`${REPORT}\n\ndef extra() -> int:\n    return sorted([3, 1])[0]\n`)).toBe(fingerprint(REPORT));
  });

  it('changes when an import is added, moved into a function or past a sys.path change, or guarded', () => {
    expect(fingerprint(`${REPORT}\nfrom shared import money\n`)).not.toBe(fingerprint(REPORT));
    const lazy = REPORT.replace('from shared import formatting\n', '').replace('    return list(', '    from shared import formatting\n\n    return list(');
    expect(fingerprint(lazy)).not.toBe(fingerprint(REPORT));
    const pathFirst = `import sys\nsys.path.insert(0, "/srv/lib")\n${REPORT}`;
    const pathAfter = `import sys\n${REPORT}\nsys.path.insert(0, "/srv/lib")\n`;
    expect(fingerprint(pathFirst)).not.toBe(fingerprint(pathAfter));
    const guarded = REPORT.replace('from shared import formatting', 'try:\n    from shared import formatting\nexcept ImportError:\n    formatting = None');
    expect(fingerprint(guarded)).not.toBe(fingerprint(REPORT));
  });

  it('stays the same when lines are added or removed above the imports (only their order counts)', () => {
    expect(fingerprint(`"""Reports."""\n\n${REPORT}`)).toBe(fingerprint(REPORT));
    const withLazy = `${REPORT}\n\ndef export():\n    from shared import formatting\n    return formatting\n`;
    expect(fingerprint(withLazy.replace('def rows(', '# rows of a query\n# (kept short)\ndef rows('))).toBe(fingerprint(withLazy));
  });

  it('ignores a new plain import of a module every Python has in its standard library', () => {
    expect(fingerprint(`import functools\n${REPORT}`)).toBe(fingerprint(REPORT));
    expect(fingerprint(REPORT.replace('from shared import formatting', 'from shared import formatting\nfrom typing import Any\nimport json'))).toBe(fingerprint(REPORT));
  });

  it('still sees a stdlib import that can matter: not in every Python, named like a repository folder, guarded, dotted or ignored', () => {
    expect(fingerprint(`import tomllib\n${REPORT}`), 'tomllib is new in 3.11').not.toBe(fingerprint(REPORT));
    expect(fingerprint(`import calendar\n${REPORT}`), 'the repository has a calendar/ folder').not.toBe(fingerprint(REPORT));
    expect(fingerprint(`try:\n    import json\nexcept ImportError:\n    json = None\n${REPORT}`)).not.toBe(fingerprint(REPORT));
    expect(fingerprint(`import os.path\n${REPORT}`)).not.toBe(fingerprint(REPORT));
    expect(fingerprint(`import json  # dockguard: ignore\n${REPORT}`)).not.toBe(fingerprint(REPORT));
    const withoutNames = (source: string) => fingerprintModule(extractImports(source), rules);
    expect(withoutNames(`import json\n${REPORT}`), 'without the repository names nothing is dropped').not.toBe(withoutNames(REPORT));
  });

  it('keeps fallback links right when an inert import is dropped before them', () => {
    const fallback = 'try:\n    from shared.fast import formatting\nexcept ImportError:\n    from shared.slow import formatting\n';
    const other = 'try:\n    from shared.fast import money\nexcept ImportError:\n    from shared.slow import formatting\n';
    expect(fingerprint(`import json\n${fallback}`)).toBe(fingerprint(fallback));
    expect(fingerprint(`import json\n${fallback}`)).not.toBe(fingerprint(other));
  });

  it('changes when a call starts matching a usage rule (to_dataframe() needs pandas and db-dtypes)', () => {
    const frames = REPORT.replace('return list(client.query("select 1").result())', 'return client.query("select 1").to_dataframe()');
    expect(fingerprint(frames)).not.toBe(fingerprint(REPORT));
  });

  it('changes with an ignore comment on an import line and with a syntax error', () => {
    expect(fingerprint(REPORT.replace('import formatting', 'import formatting  # dockguard: ignore[missing-copy]'))).not.toBe(fingerprint(REPORT));
    expect(fingerprint(`${REPORT}\ndef broken(:\n    pass\n`)).not.toBe(fingerprint(REPORT));
  });
});
