import type { FileText, TextLine } from './file-text.js';

const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: TextLine };

/**
 * A unified diff of one file, as `git diff` prints it (`git apply` takes
 * it): `a/` and `b/` prefixes, three lines of context, and the "No newline
 * at end of file" marker. Fix edits are a few lines in one place, so the
 * common start and end are cut before a plain LCS of what is left.
 */
export function formatUnifiedDiff(file: string, before: FileText, after: FileText): string {
  const ops = diffLines(before.lines, after.lines);
  if (!ops.some((op) => op.kind !== ' ')) return '';
  const out = [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`];
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < ops.length; ) {
    if (ops[i]!.kind === ' ') {
      oldLine++, newLine++, i++;
      continue;
    }
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    // A hunk runs on while the next change is within twice the context.
    for (let j = i; j < ops.length; j++) if (ops[j]!.kind !== ' ') end = j;
    else if (j - end > 2 * CONTEXT) break;
    end = Math.min(ops.length, end + CONTEXT + 1);
    const hunk = ops.slice(start, end);
    const oldStart = oldLine - (i - start);
    const newStart = newLine - (i - start);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const op of hunk) {
      out.push(`${op.kind}${op.line.text}${op.line.end === '\r\n' ? '\r' : ''}`);
      if (op.line.end === '') out.push('\\ No newline at end of file');
    }
    for (const op of ops.slice(i, end)) {
      if (op.kind !== '+') oldLine++;
      if (op.kind !== '-') newLine++;
    }
    i = end;
  }
  return `${out.join('\n')}\n`;
}

const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);

/** Lines are equal when their text and their ending are: a line that gains a final newline is a change. */
const same = (a: TextLine, b: TextLine): boolean => a.text === b.text && a.end === b.end;

function diffLines(a: readonly TextLine[], b: readonly TextLine[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix]!, b[prefix]!)) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && same(a[a.length - 1 - suffix]!, b[b.length - 1 - suffix]!)) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  // lengths[i][j]: the longest common run of midA[i..] and midB[j..].
  const lengths = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lengths[i]![j] = same(midA[i]!, midB[j]!) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const ops: Op[] = a.slice(0, prefix).map((line) => ({ kind: ' ', line }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && same(midA[i]!, midB[j]!)) ops.push({ kind: ' ', line: midA[i++]! }), j++;
    else if (i < midA.length && (j === midB.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) ops.push({ kind: '-', line: midA[i++]! });
    else ops.push({ kind: '+', line: midB[j++]! });
  }
  for (const line of a.slice(a.length - suffix)) ops.push({ kind: ' ', line });
  return ops;
}
