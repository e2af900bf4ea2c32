#!/usr/bin/env node
import { Command, Option } from 'commander';
import { runCheckCommand } from './check-command.js';
import { reportFailure } from './report-failure.js';
import { rulesHelp } from './rules-help.js';
import { readOwnVersion } from './own-version.js';

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
  .addHelpText('after', rulesHelp())
  .action(async (paths: string[], options: { format: 'text' | 'json'; config?: string; target?: string }) => {
    process.exitCode = await runCheckCommand({ paths, ...options }, process);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(reportFailure(error));
  process.exitCode = 2;
});
