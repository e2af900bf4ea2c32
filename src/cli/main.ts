#!/usr/bin/env node
import { Command, Option } from 'commander';
import { runCheckCommand, type CheckCommandOptions } from './check-command.js';
import { runInitCommand } from './init-command.js';
import { reportFailure } from './report-failure.js';
import { rulesHelp } from './rules-help.js';
import { readOwnVersion } from '../own-version.js';

const program = new Command();
program
  .name('dockguard')
  .description('Blocks commits that would ship a container whose Python imports are not in its image.')
  .version(readOwnVersion())
  .showHelpAfterError();

program
  .command('check')
  .description('check every service (or those the given paths affect)')
  .argument('[paths...]', 'Dockerfiles, files or folders; only services they affect are checked')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--config <file>', 'config file (default: dockguard.config.json, package.json "dockguard", pyproject.toml [tool.dockguard])')
  .option('--target <stage>', 'model this build stage instead of the last one')
  .option('--staged', 'check the commit being made: read everything from the git index (what the pre-commit hook runs)')
  .option('--verbose', 'explain each service: Python version, installs read, and how each import was matched to a distribution')
  .option('--no-cache', 'do not read or write the parse cache under the git directory')
  .addHelpText('after', rulesHelp())
  .action(async (paths: string[], options: Omit<CheckCommandOptions, 'paths'>) => {
    process.exitCode = await runCheckCommand({ paths, ...options }, process);
  });

program
  .command('init')
  .description('set up the pre-commit and pre-merge-commit hooks (husky + lint-staged, the pre-commit framework, or plain git hooks) and a starter config')
  .option('--dry-run', 'print the plan and change nothing')
  .option('--force', 'replace an existing foreign pre-commit hook (it is kept and chained)')
  .action(async (options: { dryRun?: boolean; force?: boolean }) => {
    process.exitCode = await runInitCommand({ dryRun: options.dryRun ?? false, force: options.force ?? false }, process);
  });

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

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(reportFailure(error));
  process.exitCode = 2;
});
