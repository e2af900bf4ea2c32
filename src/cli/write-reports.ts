import { readOwnVersion } from '../own-version.js';
import { formatGithub } from '../report/github.js';
import { formatGitlab } from '../report/gitlab.js';
import { formatJson } from '../report/json.js';
import { formatMarkdown } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { formatSummary, formatText, type TextOptions } from '../report/text.js';
import type { CheckResult } from '../result.js';
import { writeReport, type Format, type OutputTarget } from './output-targets.js';

type Io = { cwd: () => string; stdout: Pick<NodeJS.WriteStream, 'write'> };

function render(format: Format, result: CheckResult, text: TextOptions): string {
  switch (format) {
    case 'text':
      return formatText(result, text);
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(result, { version: readOwnVersion() });
    case 'github':
      return formatGithub(result);
    case 'markdown':
      return formatMarkdown(result);
    case 'gitlab':
      return formatGitlab(result);
  }
}

/**
 * Writes each report where it goes. When every report goes to a file, the
 * terminal still gets the summary line and where each report went, so a CI
 * log says what happened.
 */
export async function writeReports(result: CheckResult, targets: readonly OutputTarget[], text: TextOptions, io: Io): Promise<void> {
  for (const target of targets) {
    if (target.file === undefined) continue;
    // A file is read later, elsewhere: no colour codes in it.
    await writeReport({ ...target, file: target.file }, render(target.format, result, { ...text, color: false }), io.cwd());
  }
  const toStdout = targets.find((t) => t.file === undefined);
  if (toStdout) io.stdout.write(render(toStdout.format, result, text));
  else io.stdout.write(`${formatSummary(result, text)}${targets.map((t) => `  ${t.format} report: ${t.file}\n`).join('')}`);
}
