import path from 'node:path/posix';
import { regenerateCommand } from '../deps/check/find-lock-issues.js';
import { anyVersionValue } from '../deps/check/propose-package-fix.js';
import { findCompanionLock } from '../deps/find-companion-lock.js';
import { isDockerfileName } from '../discover/is-dockerfile-name.js';
import type { Finding, Fix, RepoPath } from '../types.js';
import { findInstructionEnd, isInstructionText } from './dockerfile-insertion.js';
import { insertLines, joinLines, withText, type FileText } from './file-text.js';
import { isCompiledRequirements, listsRequirement, readCompileCommand } from './requirements-file.js';
import { addProjectDependency, addTableKey, type TextEdit } from './toml-edits.js';

/**
 * The rules whose fix is a line dockguard can add by itself: the COPY (or
 * ignore-file exception) of DG001, the requirement of DG101-DG103. Other
 * fixes replace or rewrite something (an install command, a lock) and stay
 * advice.
 */
export const FIXABLE_RULES: ReadonlySet<string> = new Set(['DG001', 'DG101', 'DG102', 'DG103']);

export interface PlannedFile {
  file: string;
  before: FileText;
  after: FileText;
  applied: Fix[];
}

export interface SkippedFix {
  fix: Fix;
  reason: string;
}

export interface FixPlan {
  files: PlannedFile[];
  skipped: SkippedFix[];
  /** Locks generated from a file a fix edits: never edited, the command that regenerates each is named. */
  locks: Array<{ lock: string; declaration: string; command: string }>;
  /** How many findings the applied fixes answer. */
  fixedFindings: number;
}

export interface FixSources {
  /** Each file a fix edits (and each lock beside one), decoded, or why it must not be edited. */
  texts: ReadonlyMap<string, FileText | { problem: string }>;
  /** The repository's files: a lock is found beside the declaration it is generated from. */
  files: ReadonlySet<RepoPath>;
}

/** Only what dockguard is sure of: errors (so proven) of a fixable rule that carry a fix. */
export const isFixable = (finding: Finding): boolean =>
  finding.fix !== undefined && finding.severity === 'error' && finding.evidence === 'proven' && FIXABLE_RULES.has(finding.code);

const fixKey = (fix: Fix): string => `${fix.file}\0${fix.line}\0${fix.text}`;

/**
 * Findings and file texts → the edited texts. Pure: the caller reads and
 * writes. The same fix proposed for several services is applied once; a fix
 * whose line is already there is skipped, which makes a second run change
 * nothing.
 */
export function planFixes(findings: readonly Finding[], sources: FixSources): FixPlan {
  const byKey = new Map<string, { fix: Fix; count: number }>();
  for (const finding of findings.filter(isFixable)) {
    const entry = byKey.get(fixKey(finding.fix!)) ?? { fix: finding.fix!, count: 0 };
    entry.count++;
    byKey.set(fixKey(finding.fix!), entry);
  }
  const plan: FixPlan = { files: [], skipped: [], locks: [], fixedFindings: 0 };
  const byFile = new Map<string, Array<{ fix: Fix; count: number }>>();
  for (const entry of byKey.values()) byFile.set(entry.fix.file, [...(byFile.get(entry.fix.file) ?? []), entry]);
  for (const [file, entries] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const source = sources.texts.get(file);
    if (source === undefined || 'problem' in source) {
      for (const { fix } of entries) plan.skipped.push({ fix, reason: source?.problem ?? `${file} cannot be read` });
      continue;
    }
    // Bottom up, so the line numbers of the fixes still to apply stay those the check gave.
    const ordered = [...entries].sort((a, b) => b.fix.line - a.fix.line || b.fix.text.localeCompare(a.fix.text));
    let text = source;
    const applied: Fix[] = [];
    for (const { fix, count } of ordered) {
      const edit = editFor(text, fix);
      if ('problem' in edit) {
        plan.skipped.push({ fix, reason: edit.problem });
        continue;
      }
      text = edit.file;
      applied.unshift(fix);
      plan.fixedFindings += count;
    }
    if (applied.length === 0) continue;
    plan.files.push({ file, before: source, after: text, applied });
    const lock = findCompanionLock(file as RepoPath, sources.files);
    if (lock) plan.locks.push({ lock, declaration: file, command: lockCommand(file, lock, sources) });
  }
  return plan;
}

function editFor(file: FileText, fix: Fix): { file: FileText } | { problem: string } {
  const lines = file.lines.map((line) => line.text);
  const name = path.basename(fix.file);
  if (isDockerfileName(fix.file)) {
    if (!isInstructionText(fix.text)) return { problem: `not a line to add (${fix.description}): edit it by hand` };
    if (lines.some((line) => line.trim() === fix.text.trim())) return { problem: `${fix.file} already has the line ${fix.text}` };
    const after = findInstructionEnd(lines, fix.line);
    if (after === undefined) return { problem: `no stage of ${fix.file} to add it to before line ${fix.line + 1}: ${fix.description}` };
    return { file: insertLines(file, after, fix.text.split('\n')) };
  }
  if (/ignore$/.test(name)) {
    if (lines.some((line) => line.trim() === fix.text.trim())) return { problem: `${fix.file} already has the line ${fix.text}` };
    return { file: insertLines(file, lines.length, [fix.text]) };
  }
  if (name === 'pyproject.toml' || name === 'Pipfile') return fromTextEdit(file, tomlEdit(joinLines(file), fix, file.eol));
  return requirementsEdit(file, fix);
}

function tomlEdit(text: string, fix: Fix, eol: string): TextEdit {
  const pep621 = /^\s*"([^"]+)",$/.exec(fix.text)?.[1];
  if (pep621 !== undefined && path.basename(fix.file) === 'pyproject.toml') return addProjectDependency(text, pep621, eol);
  // The line a finding proposes (see anyVersionValue): `name = "*"`, or with extras the table
  // `name = { version = "*", extras = ["a", "b"] }`, since `name[a,b]` is no TOML key.
  const entry = /^([A-Za-z0-9._-]+) = (?:"\*"|\{ version = "\*", extras = \[((?:"[A-Za-z0-9._-]+"(?:, )?)*)\] \})$/.exec(fix.text);
  if (!entry) return { problem: `not a dependency line dockguard knows how to add (${fix.text})` };
  const [, key, extrasText] = entry as unknown as [string, string, string | undefined];
  // The pattern admits only a list of quoted names, which is a JSON array's body.
  const extras = extrasText ? (JSON.parse(`[${extrasText}]`) as string[]) : [];
  const value = { text: anyVersionValue(extras), value: extras.length === 0 ? '*' : { version: '*', extras } };
  return addTableKey(text, path.basename(fix.file) === 'Pipfile' ? ['packages'] : ['tool', 'poetry', 'dependencies'], key, value, eol);
}

function requirementsEdit(file: FileText, fix: Fix): { file: FileText } | { problem: string } {
  const text = joinLines(file);
  const lines = file.lines.map((line) => line.text);
  if (isCompiledRequirements(text)) {
    const command = readCompileCommand(text);
    return { problem: `${fix.file} is generated${command ? ` by \`${command}\`` : ' (it has hashes)'}: add ${fix.text} to the file it is compiled from, then compile it again` };
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?$/.test(fix.text)) return { problem: `not a requirement line dockguard knows how to add (${fix.text})` };
  if (listsRequirement(lines, fix.text)) return { problem: `${fix.file} already lists ${fix.text}` };
  return { file: insertLines(file, lines.length, [fix.text]) };
}

const fromTextEdit = (file: FileText, edit: TextEdit): { file: FileText } | { problem: string } => ('problem' in edit ? edit : { file: withText(file, edit.text) });

/** The command that regenerates a lock: the one its own header names when it names one. */
function lockCommand(declaration: string, lock: string, sources: FixSources): string {
  const lockText = sources.texts.get(lock);
  const header = lockText && !('problem' in lockText) ? readCompileCommand(joinLines(lockText)) : undefined;
  if (header === undefined) return regenerateCommand(declaration as RepoPath, lock as RepoPath);
  const dir = path.dirname(lock);
  return dir === '.' ? header : `cd ${dir} && ${header}`;
}
