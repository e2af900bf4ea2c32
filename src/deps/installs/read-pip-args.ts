import { walkArgs } from './walk-args.js';
import type { InstallCommand } from './install-command.js';

const WITH_VALUE = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--prefix', '--root',
  '-f', '--find-links', '-i', '--index-url', '--extra-index-url', '--trusted-host', '--group', '--extra',
  '--only-binary', '--no-binary', '--platform', '--python-version', '--implementation', '--abi', '--src',
  '-C', '--config-settings', '--retries', '--timeout', '--cache-dir', '--log', '--progress-bar',
  '--root-user-action', '--upgrade-strategy', '-p', '--python', '--index-strategy', '--link-mode',
  '--prerelease', '--resolution', '--exclude-newer', '--overrides', '--torch-backend', '--keyring-provider',
  '--report', '--global-option', '--install-option', '--proxy', '--cert', '--client-cert', '--exists-action',
]);

/** Arguments of `pip install` / `uv pip install` / `uv pip sync` after the subcommand. */
export function readPipArgs(args: string[], install: InstallCommand, positionalAreFiles: boolean): void {
  walkArgs(args, WITH_VALUE, (option, value) => {
    if (option === undefined) {
      if (value !== undefined) (positionalAreFiles ? install.files : install.inline).push(value);
      return;
    }
    if (value === undefined && WITH_VALUE.has(option)) return;
    switch (option) {
      case '-r':
      case '--requirement':
        install.files.push(value!);
        break;
      case '-c':
      case '--constraint':
        install.constraints.push(value!);
        break;
      case '-e':
      case '--editable':
        install.editables.push(value!);
        break;
      case '-f':
      case '--find-links':
        install.findLinks.push(value!);
        break;
      case '--group':
        install.groups.with.push(value!);
        break;
      case '--extra':
        install.extras.push(value!);
        break;
      case '--all-extras':
        install.allExtras = true;
        break;
      case '--no-index':
        install.noIndex = true;
        break;
      case '--no-deps':
        install.noDeps = true;
        break;
      case '--user':
        install.target = { kind: 'user' };
        break;
      case '--system':
        install.target = { kind: 'system' };
        break;
      case '-t':
      case '--target':
        install.target = { kind: 'target', path: value! };
        break;
      case '--prefix':
      case '--root':
        install.target = { kind: option === '--root' ? 'root' : 'prefix', path: value! };
        break;
    }
  });
}
