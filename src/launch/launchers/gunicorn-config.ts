import { readStringLiteral } from '../../python/read-string-literal.js';

/** The settings of a gunicorn config file that decide what the server imports, and from where. */
const READ_SETTINGS = ['wsgi_app', 'chdir', 'pythonpath'] as const;
type ReadSetting = (typeof READ_SETTINGS)[number];

export type GunicornConfig = { settings: Partial<Record<ReadSetting, string>> } | { failure: string };

const TRIPLE_QUOTE = /"""|'''/g;

/**
 * Reads `wsgi_app`, `chdir` and `pythonpath` from a gunicorn config file
 * (Python run by gunicorn at start-up), where each is a plain string: the
 * form of nearly every real config (`wsgi_app = "shop.wsgi:application"`).
 * Only a top-level assignment outside any block or string counts as read; a
 * setting assigned anywhere else (`if DEBUG:`, a function), more than once
 * or to an expression (`os.environ["APP"]`) makes the whole file a failure:
 * what gunicorn imports would then be a guess. The file is never run.
 */
export function readGunicornConfig(text: string): GunicornConfig {
  const settings: Partial<Record<ReadSetting, string>> = {};
  let inString = false;
  for (const line of text.split(/\r?\n/)) {
    const startsInString = inString;
    // A line that opens or closes a triple-quoted string flips the state once per quote.
    inString = ((line.match(TRIPLE_QUOTE)?.length ?? 0) % 2 === 1) !== inString;
    if (startsInString) continue;
    const assigned = /^(\s*)(wsgi_app|chdir|pythonpath)\s*(?::[^=]*)?=(?!=)\s*(.*)$/.exec(line);
    if (!assigned) continue;
    const [, indent = '', name = '', rest = ''] = assigned;
    const setting = name as ReadSetting;
    if (indent !== '') return { failure: `gunicorn's config file sets ${setting} inside a block, so its value depends on how the file runs` };
    if (settings[setting] !== undefined) return { failure: `gunicorn's config file sets ${setting} more than once` };
    const value = readStringLiteral(rest.replace(/\s+#.*$/, '').trim());
    if (value === undefined || value.includes('{')) return { failure: `gunicorn's config file sets ${setting} to an expression dockguard does not evaluate (${rest.trim()})` };
    settings[setting] = value;
  }
  return { settings };
}
