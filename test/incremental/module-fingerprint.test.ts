import { describe, expect, it } from 'vitest';
import { ImplicitRuleIndex } from '../../src/deps/check/implicit-rule-index.js';
import { IMPLICIT_PACKAGE_RULES } from '../../src/deps/usage-rules.js';
import { fingerprintModule } from '../../src/incremental/module-fingerprint.js';
import { extractImports } from '../../src/python/extract-imports.js';

const rules = new ImplicitRuleIndex(IMPLICIT_PACKAGE_RULES);
const fingerprint = (source: string) => fingerprintModule(extractImports(source), rules);

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

  it('changes when an import is added, moved to another line, or guarded', () => {
    expect(fingerprint(`${REPORT}\nfrom shared import money\n`)).not.toBe(fingerprint(REPORT));
    expect(fingerprint(`\n${REPORT}`)).not.toBe(fingerprint(REPORT));
    const guarded = REPORT.replace('from shared import formatting', 'try:\n    from shared import formatting\nexcept ImportError:\n    formatting = None');
    expect(fingerprint(guarded)).not.toBe(fingerprint(REPORT));
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
