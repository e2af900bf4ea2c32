import { describe, expect, it } from 'vitest';
import { decodeFileText, encodeFileText, joinLines, type FileText } from '../../src/fix/file-text.js';
import { planFixes } from '../../src/fix/plan-fixes.js';
import type { Finding, Fix, RepoPath } from '../../src/types.js';

/** planFixes on inline file texts: findings + texts → edited texts, skipped fixes and locks. */

const finding = (code: string, fix: Fix, extra: Partial<Finding> = {}): Finding => ({
  code, rule: 'r', severity: 'error', service: 'svc/Dockerfile', file: 'svc/app.py', line: 1, message: 'm', evidence: 'proven', fix, ...extra,
});
const plan = (findings: Finding[], files: Record<string, string | Buffer>) =>
  planFixes(findings, {
    texts: new Map(Object.entries(files).map(([file, text]) => [file, decodeFileText(Buffer.isBuffer(text) ? text : Buffer.from(text))])),
    files: new Set(Object.keys(files) as RepoPath[]),
  });
const textOf = (result: ReturnType<typeof plan>, file: string): string | undefined => {
  const planned = result.files.find((f) => f.file === file);
  return planned && joinLines(planned.after);
};
const skippedReasons = (result: ReturnType<typeof plan>) => result.skipped.map((s) => s.reason);

const req = (file: string, text: string, line = 0): Fix => ({ file, line, text, description: 'add it' });

describe('Dockerfile COPY lines', () => {
  it('goes after the whole instruction the fix names, never inside its continuation or heredoc', () => {
    const dockerfile = ['FROM python:3.12-slim', 'WORKDIR /srv', 'COPY a.py \\', '     b.py \\', '     ./', '# the worker', 'RUN <<EOF', 'echo hi', '', 'EOF', 'CMD ["python", "a.py"]', ''].join('\n');
    const result = plan(
      [finding('DG001', req('svc/Dockerfile', 'COPY shared/ ./shared/', 3)), finding('DG001', req('svc/Dockerfile', 'COPY lib/ ./lib/', 7))],
      { 'svc/Dockerfile': dockerfile },
    );
    expect(textOf(result, 'svc/Dockerfile')).toBe(
      ['FROM python:3.12-slim', 'WORKDIR /srv', 'COPY a.py \\', '     b.py \\', '     ./', 'COPY shared/ ./shared/', '# the worker', 'RUN <<EOF', 'echo hi', '', 'EOF', 'COPY lib/ ./lib/', 'CMD ["python", "a.py"]', ''].join('\n'),
    );
  });

  it('does not put an instruction before the first FROM (a Dockerfile without CMD gets "line 0")', () => {
    const fix: Fix = { file: 'svc/Dockerfile', line: 0, text: 'COPY shared/ ./shared/', description: 'add to svc/Dockerfile before the CMD' };
    const result = plan([finding('DG001', fix)], { 'svc/Dockerfile': '# syntax=docker/dockerfile:1\nFROM python:3.12\nCOPY . .\n' });
    expect(result.files).toEqual([]);
    expect(skippedReasons(result)).toEqual(['no stage of svc/Dockerfile to add it to before line 1: add to svc/Dockerfile before the CMD']);
  });

  it('applies a fix proposed for several services once, and a line already there not again', () => {
    const fix = req('svc/Dockerfile', 'COPY shared/ ./shared/', 2);
    const once = plan([finding('DG001', fix), finding('DG001', fix, { service: 'other/Dockerfile' })], { 'svc/Dockerfile': 'FROM python:3.12\nCOPY . .\n' });
    expect(once.fixedFindings).toBe(2);
    expect(textOf(once, 'svc/Dockerfile')).toBe('FROM python:3.12\nCOPY . .\nCOPY shared/ ./shared/\n');
    const again = plan([finding('DG001', fix)], { 'svc/Dockerfile': textOf(once, 'svc/Dockerfile')! });
    expect(again.files).toEqual([]);
    expect(skippedReasons(again)).toEqual(['svc/Dockerfile already has the line COPY shared/ ./shared/']);
  });

  it('leaves what it is not sure of: warnings, assumed findings, rules whose fix is not an added line', () => {
    const fix = req('svc/Dockerfile', 'COPY shared/ ./shared/', 1);
    const result = plan(
      [
        finding('DG001', fix, { severity: 'warning' }),
        finding('DG001', fix, { evidence: 'assumed', assumption: 'the base image is unknown' }),
        finding('DG105', req('svc/uv.lock', 'uv lock')),
        finding('DG101', { file: 'svc/Dockerfile', line: 2, text: 'pyyaml', description: 'add pyyaml to the pip install on line 2 of svc/Dockerfile' }),
      ],
      { 'svc/Dockerfile': 'FROM python:3.12\nRUN pip install flask\n', 'svc/uv.lock': 'version = 1\n' },
    );
    expect(result.files).toEqual([]);
    expect(skippedReasons(result)).toEqual(['not a line to add (add pyyaml to the pip install on line 2 of svc/Dockerfile): edit it by hand']);
  });
});

describe('requirements files', () => {
  it('keeps CRLF line ends, a missing final newline, and a UTF-8 BOM', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('redis==5.0.4\r\nrq==1.16.2')]);
    const result = plan([finding('DG101', req('svc/requirements.txt', 'structlog', 2))], { 'svc/requirements.txt': bom });
    const after = result.files[0]!.after;
    expect(encodeFileText(after)).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('redis==5.0.4\r\nrq==1.16.2\r\nstructlog')]));
  });

  it('never edits a compiled requirements file, and names the lock to regenerate beside a source it edits', () => {
    const compiled = '#\n# This file is autogenerated by pip-compile with Python 3.12\n# by the following command:\n#\n#    pip-compile --generate-hashes --output-file=requirements.txt requirements.in\n#\nflask==3.0.3 \\\n    --hash=sha256:34e8\n';
    const result = plan(
      [finding('DG101', req('a/requirements.txt', 'jinja2', 8)), finding('DG101', req('b/requirements.in', 'jinja2', 1))],
      { 'a/requirements.txt': compiled, 'b/requirements.in': 'flask\n', 'b/requirements.txt': compiled },
    );
    expect(result.files.map((f) => f.file)).toEqual(['b/requirements.in']);
    expect(result.locks).toEqual([{ lock: 'b/requirements.txt', declaration: 'b/requirements.in', command: 'cd b && pip-compile --generate-hashes --output-file=requirements.txt requirements.in' }]);
    expect(skippedReasons(result)).toEqual([
      'a/requirements.txt is generated by `pip-compile --generate-hashes --output-file=requirements.txt requirements.in`: add jinja2 to the file it is compiled from, then compile it again',
    ]);
  });

  it('does not add a distribution the file already lists under another spelling', () => {
    const result = plan([finding('DG101', req('requirements.txt', 'pyyaml', 1))], { 'requirements.txt': 'PyYAML>=6 ; python_version >= "3.8"\n' });
    expect(result.files).toEqual([]);
    expect(skippedReasons(result)).toEqual(['requirements.txt already lists pyyaml']);
  });
});

describe('pyproject.toml and Pipfile', () => {
  const pep621 = (name: string): Fix => req('pyproject.toml', `    "${name}",`, 5);
  const project = (dependencies: string) => `[project]\nname = "jobs"\nversion = "1.0"\n${dependencies}\n\n[tool.ruff]\nline-length = 100\n`;

  it.each([
    ['a one-line array', 'dependencies = ["requests>=2.31", "click"]', 'dependencies = ["requests>=2.31", "click", "tenacity"]'],
    ['a one-line array with a trailing comma', 'dependencies = ["click",]', 'dependencies = ["click", "tenacity"]'],
    ['an empty array', 'dependencies = []', 'dependencies = ["tenacity"]'],
    ['a multi-line array with trailing commas', 'dependencies = [\n  "click",\n]', 'dependencies = [\n  "click",\n  "tenacity",\n]'],
    [
      'a multi-line array with comments and no trailing comma',
      'dependencies = [\n    "certifi",  # TLS roots\n    "click"  # the CLI, ] not the end\n]',
      'dependencies = [\n    "certifi",  # TLS roots\n    "click",  # the CLI, ] not the end\n    "tenacity"\n]',
    ],
    ['a closing bracket on the last entry’s line', 'dependencies = [\n    "certifi",\n    "click"]', 'dependencies = [\n    "certifi",\n    "click", "tenacity"]'],
  ])('adds to %s in its own layout', (_, before, after) => {
    const result = plan([finding('DG101', pep621('tenacity'))], { 'pyproject.toml': project(before) });
    expect(textOf(result, 'pyproject.toml')).toBe(project(after));
  });

  it('leaves an array it cannot edit safely, and says so', () => {
    const result = plan([finding('DG101', pep621('tenacity'))], { 'pyproject.toml': '[project]\nname = "jobs"\ndynamic = ["dependencies"]\n' });
    expect(result.files).toEqual([]);
    expect(skippedReasons(result)).toEqual(['its [project] table has no dependencies array (they are dynamic)']);
    const dotted = plan([finding('DG101', pep621('tenacity'))], { 'pyproject.toml': 'project.name = "jobs"\nproject.dependencies = ["click"]\n' });
    expect(skippedReasons(dotted)).toEqual(['its dependencies array is not written as `dependencies = [` under [project]']);
  });

  it('gives a project that declares no dependency yet the key, at the end of [project]', () => {
    const result = plan([finding('DG101', pep621('tenacity'))], { 'pyproject.toml': '[project]\nname = "jobs"\nversion = "1.0"\n\n# tools\n[tool.ruff]\nline-length = 100\n' });
    expect(textOf(result, 'pyproject.toml')).toBe('[project]\nname = "jobs"\nversion = "1.0"\ndependencies = ["tenacity"]\n\n# tools\n[tool.ruff]\nline-length = 100\n');
  });

  it('adds the table line a finding proposes for a dependency with extras, to poetry and to a Pipfile', () => {
    const line = 'pydantic = { version = "*", extras = ["email", "timezone"] }';
    const result = plan([finding('DG102', req('pyproject.toml', line, 2)), finding('DG102', req('Pipfile', line, 1))], {
      'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\n',
      Pipfile: '[packages]\nflask = "*"\n',
    });
    expect(textOf(result, 'pyproject.toml')).toBe(`[tool.poetry.dependencies]\npython = "^3.12"\n${line}\n`);
    expect(textOf(result, 'Pipfile')).toBe(`[packages]\nflask = "*"\n${line}\n`);
  });

  it('adds a key at the end of [tool.poetry.dependencies] and of a Pipfile’s [packages], after comments there are none', () => {
    const poetry = '[tool.poetry]\nname = "api"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nflask = "^3.0"\n\n# dev tools\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\n';
    const result = plan(
      [finding('DG101', req('pyproject.toml', 'pyyaml = "*"', 6)), finding('DG101', req('Pipfile', 'pyyaml = "*"', 2))],
      { 'pyproject.toml': poetry, Pipfile: '[packages]\nflask = "*"\n\n[requires]\npython_version = "3.12"' },
    );
    expect(textOf(result, 'pyproject.toml')).toBe(poetry.replace('flask = "^3.0"\n', 'flask = "^3.0"\npyyaml = "*"\n'));
    expect(textOf(result, 'Pipfile')).toBe('[packages]\nflask = "*"\npyyaml = "*"\n\n[requires]\npython_version = "3.12"');
  });
});

describe('file texts', () => {
  it.each([
    ['UTF-8', Buffer.from('a\nb\n')],
    ['CRLF, no final newline', Buffer.from('a\r\nb')],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('flask\r\n', 'utf16le')])],
    ['Latin-1', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])],
    ['old Mac CR', Buffer.from('a\rb\r')],
  ])('%s round-trips byte for byte', (_, bytes) => {
    const text: FileText = decodeFileText(bytes);
    expect(encodeFileText(text)).toEqual(bytes);
  });
});
