#!/usr/bin/env node
import { Command, Option } from 'commander';
import { runCheckCommand, type CheckCommandOptions } from './check-command.js';
import { runInitCommand } from './init-command.js';
import { collectFormats, FORMATS } from './output-targets.js';
import { runRulesCommand } from './rules-command.js';
import { reportFailure } from './report-failure.js';
import { rulesHelp } from './rules-help.js';
import { readOwnVersion } from '../own-version.js';
import { DEFAULT_BASELINE_FILE } from '../baseline/baseline-file.js';
import { runBaselineCommand } from './baseline-command.js';
import { runExplainCommand, type ExplainCommandOptions } from './explain-command.js';

/** Repeated or comma-separated option values, gathered into one list. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',')];

const program = new Command();
program
  .name('dockguard')
  .description('Blocks commits that would ship a container whose Python imports are not in its image.')
  .version(readOwnVersion())
  .showHelpAfterError(false);

program
  .command('check')
  .description('check every service (or those the given paths affect)')
  .argument('[paths...]', 'Dockerfiles, files or folders; only services they affect are checked')
  .option('--format <format>', `output format: ${FORMATS.join(', ')} (default text); FORMAT:FILE writes it to FILE; repeat for several reports`, collectFormats)
  .option('--output-file <file>', 'write the report to this file (the terminal gets the summary line)')
  .option('--config <file>', 'config file (default: dockguard.config.json, package.json "dockguard", pyproject.toml [tool.dockguard])')
  .option('--target <stage>', 'model this build stage instead of the last one')
  .option('--staged', 'check the commit being made: read everything from the git index (what the pre-commit hook runs)')
  .option('--since <ref>', 'check only the services that the changes since the merge-base of <ref> and HEAD affect, uncommitted and untracked files included (the pull-request check)')
  .option('--verbose', 'explain each service: Python version, installs read, and how each import was matched to a distribution')
  .option('--no-cache', 'do not read or write the parse cache under the git directory')
  .option('--select <rules>', 'report only these rules (names or codes, comma-separated)', collect)
  .option('--ignore <rules>', 'do not report these rules (names or codes, comma-separated)', collect)
  .option('--baseline <file>', `accept the findings listed in this baseline (default: ${DEFAULT_BASELINE_FILE} at the repository root, when present)`)
  .option('--fix', 'apply the fixes dockguard is sure of (COPY lines, requirement lines; never a lock), then check again')
  .option('--diff', 'print those fixes as a unified diff and change nothing')
  .option('--exit-zero', 'exit 0 even when errors are found (report-only CI)')
  .option('--quiet', 'print errors and the summary only')
  .option('--no-color', 'no colours, even on a terminal')
  .addHelpText('after', rulesHelp())
  .action(async (paths: string[], options: Omit<CheckCommandOptions, 'paths'>) => {
    process.exitCode = await runCheckCommand({ paths, ...options }, process);
  });

program
  .command('rules')
  .description('print the rule table, or one rule\'s documentation')
  .argument('[rule]', 'a code (DG001) or name (missing-copy)')
  .action((rule: string | undefined) => {
    process.exitCode = runRulesCommand(rule, process);
  });

program
  .command('explain')
  .description("show one service as check sees it: the image's files and where each came from, sys.path, entrypoints, installs; and where a module was looked for")
  .argument('<service>', 'a Dockerfile (or its folder), or a service name as check shows it')
  .argument('[module]', 'a dotted module to look for, e.g. orders.pricing.rules')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--config <file>', 'config file (as for check)')
  .option('--target <stage>', 'model this build stage instead of the last one')
  .option('--staged', 'explain the commit being made: read the index, and say why the service is unaffected when check would leave it out')
  .option('--since <ref>', 'say why the service is unaffected when check --since <ref> would leave it out')
  .option('--depth <levels>', 'open folders of mixed origin this many levels deep (default 3)')
  .option('--verbose', 'open every folder and list every file of the image')
  .option('--no-cache', 'do not read or write the parse cache under the git directory')
  .option('--no-color', 'no colours, even on a terminal')
  .action(async (service: string, module: string | undefined, options: Omit<ExplainCommandOptions, 'service' | 'module'>) => {
    process.exitCode = await runExplainCommand({ service, ...(module !== undefined ? { module } : {}), ...options }, process);
  });

program
  .command('baseline')
  .description(`record today's errors in ${DEFAULT_BASELINE_FILE}, so that only new ones block (commit the file)`)
  .option('--output <file>', `where to write the baseline (default: ${DEFAULT_BASELINE_FILE} at the repository root)`)
  .option('--config <file>', 'config file (as for check)')
  .action(async (options: { output?: string; config?: string }) => {
    process.exitCode = await runBaselineCommand(options, process);
  });

program
  .command('init')
  .description('set up the pre-commit and pre-merge-commit hooks (husky + lint-staged, the pre-commit framework, or plain git hooks) and a starter config')
  .option('--dry-run', 'print the plan and change nothing')
  .option('--force', 'replace an existing foreign pre-commit hook (it is kept and chained)')
  .option('--hooks-dir <dir>', 'write plain hooks into this folder of the repository, to commit, and point core.hooksPath at it (teammates: npx dockguard init)')
  .action(async (options: { dryRun?: boolean; force?: boolean; hooksDir?: string }) => {
    process.exitCode = await runInitCommand(
      { dryRun: options.dryRun ?? false, force: options.force ?? false, ...(options.hooksDir !== undefined ? { hooksDir: options.hooksDir } : {}) },
      process,
    );
  });

/**
 * A usage error (unknown option or command, a bad --format, no command) is
 * dockguard's own trouble, not a finding: exit 2 with one line and where to
 * look, instead of commander's exit 1 (which a hook reads as "findings") and
 * a screenful of help.
 */
function exitTwoOnUsageErrors(command: Command): void {
  command.exitOverride((error) => {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') process.exit(0);
    if (error.code === 'commander.executeSubCommandAsync') process.exit(error.exitCode);
    process.exit(2);
  });
  command.configureOutput({
    writeErr: (text) => {
      if (text.startsWith('error:')) process.stderr.write(`dockguard: ${text.slice('error:'.length).trim()} (see dockguard ${command.name() === 'dockguard' ? '' : `${command.name()} `}--help)\n`);
      else process.stderr.write(text);
    },
  });
  for (const sub of command.commands) exitTwoOnUsageErrors(sub);
}

/**
 * Work started ahead of its use (parse batches, git reads) can fail where no
 * caller awaits it; Node would then print a stack and exit 1, which a hook
 * reads as "findings". Any such failure is dockguard's own: one line, exit 2.
 */
const failHard = (error: unknown): void => {
  process.stderr.write(reportFailure(error));
  process.exit(2);
};
process.on('unhandledRejection', failHard);
process.on('uncaughtException', failHard);

exitTwoOnUsageErrors(program);
// No command at all: say so in one line rather than exit 1 with the help text.
if (process.argv.length <= 2) {
  process.stderr.write('dockguard: no command given; try dockguard check (see dockguard --help)\n');
  process.exit(2);
}

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(reportFailure(error));
  process.exitCode = 2;
});
