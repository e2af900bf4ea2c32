import { inlineShellC } from '../../shell/inline-shell-c.js';
import { runShellCommands } from '../../shell/run-shell-commands.js';
import type { RunRecord } from '../../types.js';

/**
 * Commands that install OS packages without naming them where dockguard can
 * read them. After one, the stage may hold any OS library, so a missing one
 * is no longer a proof. Returns the reason in words, or undefined.
 */
export function findHiddenSystemInstall(run: RunRecord): string | undefined {
  const commands = run.form === 'exec' && run.args ? inlineShellC([{ words: run.args, assignments: {}, line: 1 }], run.env) : runShellCommands(run);
  for (const { words } of commands) {
    const program = (words[0] ?? '').split('/').at(-1);
    const sub = words[1];
    if (program === 'playwright' && (sub === 'install-deps' || (sub === 'install' && words.includes('--with-deps')))) {
      return `runs \`playwright ${sub}${sub === 'install' ? ' --with-deps' : ''}\`, which installs the browsers' OS libraries`;
    }
    if ((program === 'python' || program === 'python3') && words[1] === '-m' && words[2] === 'playwright' && (words[3] === 'install-deps' || words.includes('--with-deps'))) {
      return 'runs `python -m playwright install-deps`, which installs the browsers\' OS libraries';
    }
    if (program === 'dpkg' && (sub === '-i' || sub === '--install')) return 'installs .deb files with `dpkg -i`';
    if (program === 'xargs' && words.some((w) => /^(apt-get|apt|apk|dnf|yum)$/.test(w))) return 'installs OS packages listed in a file (`xargs`)';
  }
  return undefined;
}
