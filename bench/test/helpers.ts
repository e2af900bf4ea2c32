import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(BENCH, '..');

export interface ExpectedService {
  dockerfile: string;
  entry: string;
  modules: number;
  missing: Array<{ file: string; line: number; module: string }>;
  missing_distributions: Array<{ file: string; line: number; module: string }>;
}

/** The independent answer key (bench/expected_findings.py) for a build context. */
export function expectedFindings(context: string): ExpectedService[] {
  const out = execFileSync('python3', [path.join(BENCH, 'expected_findings.py'), context], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return (JSON.parse(out) as { services: ExpectedService[] }).services;
}

export function runAstScript(repo: string): string {
  return execFileSync('python3', [path.join(BENCH, 'extract_imports_ast.py'), repo], { encoding: 'utf8' });
}
