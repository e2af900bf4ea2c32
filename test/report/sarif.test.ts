import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/report/sarif.js';
import type { CheckResult } from '../../src/result.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';
import { checkFixture } from '../helpers/finding-summary.js';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

// The official SARIF 2.1.0 schema (OASIS, rtm.5, JSON Schema draft-04), as @microsoft/jest-sarif ships it.
const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// A CommonJS module: its class is `default` of what an ES import sees.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, logger: false, unicodeRegExp: false });
// ajv knows no formats by itself: check that ours are what the schema means (an absolute URI, a URI reference).
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => !/[\s\\]/.test(s) && !/%(?![0-9A-F]{2})/i.test(s) && URL.canParse(s, 'file:///repo/'));
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const sarifOf = (result: CheckResult) => JSON.parse(formatSarif(result, { version: '1.2.3' }));

function expectValid(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('SARIF report', () => {
  it('is valid SARIF 2.1.0 for a repository with errors and assumed warnings (fixture report-formats)', async () => {
    const log = sarifOf(await checkFixture('report-formats'));
    expectValid(log);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.code));
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'DG001',
      name: 'missing-copy',
      helpUri: 'https://github.com/dockguard/dockguard/blob/main/README.md#dg001-missing-copy',
      defaultConfiguration: { level: 'error', enabled: true },
    });
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'DG107').defaultConfiguration).toEqual({ level: 'warning', enabled: false });
    // One result per distinct problem: the shared module missing from two images is one result naming both.
    expect(run.results.map((r: SarifResult) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['DG101', 'error', 'services/api/app.py', 1],
      ['DG001', 'error', 'shared/audit.py', 3],
      ['DG004', 'warning', 'services/worker/Dockerfile', 10],
      ['DG001', 'warning', 'services/worker/worker/main.py', 3],
    ]);
    const shared = run.results[1];
    expect(shared.properties).toMatchObject({ evidence: 'proven', services: ['services/api/Dockerfile', 'services/worker/Dockerfile'], module: 'shared.events' });
    expect(shared.properties.fixes.map((f: { service: string; line: number }) => [f.service, f.line])).toEqual([
      ['services/api/Dockerfile', 10],
      ['services/worker/Dockerfile', 9],
    ]);
    expect(shared.message.text).toContain('In 2 services: services/api/Dockerfile, services/worker/Dockerfile.');
    // The import chain, as related locations and as a code flow.
    const chain = [
      ['services/api/Dockerfile', 13, 'starts app'],
      ['services/api/app.py', 4, 'imports shared.audit'],
      ['shared/audit.py', 3, 'imports shared.events'],
    ];
    expect(shared.relatedLocations.map((l: SarifLocation) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine, l.message!.text])).toEqual(chain);
    expect(shared.codeFlows[0].threadFlows[0].locations.map(({ location: l }: { location: SarifLocation }) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine, l.message!.text])).toEqual(chain);
    // The assumed finding is a warning that says what it assumes.
    expect(run.results[3].properties).toMatchObject({
      evidence: 'assumed',
      assumption: 'the image may hold it after all: /srv/acme_proto comes from COPY --from=ghcr.io/acme/proto-stubs:2.4 (external image), which may hold it',
    });
    expect(new Set(run.results.map((r: SarifResult) => r.partialFingerprints['dockguard/v1'])).size).toBe(4);
  });

  it('is valid for a clean repository (fixture multi-stage-correct): every rule, no results', async () => {
    const log = sarifOf(await checkFixture('multi-stage-correct'));
    expectValid(log);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules).toHaveLength(RULES.length);
  });

  it('is valid for warnings resting on assumptions and a whole-file finding (fixture fallback-roots-assumed)', async () => {
    const log = sarifOf(await checkFixture('fallback-roots-assumed'));
    expectValid(log);
    const results = log.runs[0].results as SarifResult[];
    expect(results.map((r) => [r.ruleId, r.level, r.properties.evidence])).toEqual([
      ['DG008', 'warning', 'proven'],
      ['DG101', 'warning', 'assumed'],
    ]);
    // A finding about the whole file (line 0) points at its first line: SARIF lines start at 1.
    expect(results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(1);
  });

  it('gives baselined findings as suppressed results, so code scanning shows them accepted rather than fixed', async () => {
    const result = await checkFixture('report-formats');
    const errors = result.findings.filter((f) => f.severity === 'error');
    const open = sarifOf(result).runs[0].results as SarifResult[];
    const log = sarifOf({ ...result, findings: result.findings.filter((f) => f.severity !== 'error'), baselined: errors });
    expectValid(log);
    const results = log.runs[0].results as Array<SarifResult & { suppressions?: unknown }>;
    expect(results.map((r) => [r.ruleId, r.suppressions ? 'suppressed' : 'open'])).toEqual([
      ['DG004', 'open'],
      ['DG001', 'open'],
      ['DG101', 'suppressed'],
      ['DG001', 'suppressed'],
    ]);
    expect(results[2]!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'accepted by the dockguard baseline' }]);
    // The same problem keeps its fingerprint whether it is open or baselined.
    expect(new Set(results.map((r) => r.partialFingerprints['dockguard/v1']))).toEqual(new Set(open.map((r) => r.partialFingerprints['dockguard/v1'])));
  });

  it('the schema check rejects what SARIF forbids (so the checks above can fail)', async () => {
    const log = sarifOf(await checkFixture('report-formats'));
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    log.runs[0].results[1].level = 'fatal';
    expect(validateSarif(log)).toBe(false);
    expect(validateSarif.errors?.map((e: { instancePath: string }) => e.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/locations/0/physicalLocation/region/startLine', '/runs/0/results/1/level']),
    );
  });
});

describe('SARIF fingerprints', () => {
  const finding = (over: Partial<Finding>): Finding => ({
    code: 'DG001', rule: 'missing-copy', severity: 'error', evidence: 'proven', service: 'api/Dockerfile',
    file: 'shared/audit.py', line: 3, message: 'module shared.events (shared/events/) is imported but not copied into the image', module: 'shared.events', ...over,
  });
  const result = (findings: Finding[]): CheckResult => ({
    root: '/repo', services: [], findings, baselined: [], notes: [], stats: { durationMs: 1, unaffected: 0, filesAnalysed: 1, filesParsed: 1 },
  });
  const fingerprints = (findings: Finding[]) => sarifOf(result(findings)).runs[0].results.map((r: SarifResult) => r.partialFingerprints['dockguard/v1']);

  it('stay the same when other findings come and go, lines shift, or another service shares the problem', () => {
    const [alone] = fingerprints([finding({})]);
    const other = finding({ code: 'DG101', rule: 'missing-package', file: 'api/app.py', line: 1, module: 'yaml', message: 'module yaml is imported but no install provides pyyaml' });
    expect(fingerprints([other, finding({})])[1]).toBe(alone);
    expect(fingerprints([finding({ line: 9 })])).toEqual([alone]);
    expect(fingerprints([finding({}), finding({ service: 'worker/Dockerfile' })])).toEqual([alone]);
    expect(fingerprints([finding({ severity: 'warning', evidence: 'assumed', assumption: 'the base image is unknown' })])).toEqual([alone]);
  });

  it('tell apart the same problem on two lines of one file, and different problems', () => {
    const [first, second] = fingerprints([finding({}), finding({ line: 7 })]);
    expect(first).not.toBe(second);
    expect(fingerprints([finding({ line: 7 })])).toEqual([first]);
    expect(fingerprints([finding({ module: 'shared.tasks' })])[0]).not.toBe(first);
    expect(fingerprints([finding({ file: 'shared/other.py' })])[0]).not.toBe(first);
  });

  it('never gives an assumed finding the error level', () => {
    const [assumed] = sarifOf(result([finding({ evidence: 'assumed', assumption: 'the base image is unknown' })])).runs[0].results;
    expect(assumed.level).toBe('warning');
    expect(assumed.message.text).toContain('Assumed: the base image is unknown.');
  });
});

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
  message?: { text: string };
}
interface SarifResult {
  ruleId: string;
  level: string;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: { evidence: string };
}
