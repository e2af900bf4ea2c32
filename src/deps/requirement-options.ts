/** pip requirements-file options: which take a value and where they may appear. */
type Scope = 'line' | 'global' | 'requirement';

interface OptionSpec {
  name: string;
  takesValue: boolean;
  scope: Scope;
}

const SPECS: OptionSpec[] = [
  { name: 'requirement', takesValue: true, scope: 'line' },
  { name: 'constraint', takesValue: true, scope: 'line' },
  { name: 'editable', takesValue: true, scope: 'line' },
  { name: 'index-url', takesValue: true, scope: 'global' },
  { name: 'extra-index-url', takesValue: true, scope: 'global' },
  { name: 'no-index', takesValue: false, scope: 'global' },
  { name: 'find-links', takesValue: true, scope: 'global' },
  { name: 'pre', takesValue: false, scope: 'global' },
  { name: 'prefer-binary', takesValue: false, scope: 'global' },
  { name: 'only-binary', takesValue: true, scope: 'global' },
  { name: 'no-binary', takesValue: true, scope: 'global' },
  { name: 'require-hashes', takesValue: false, scope: 'global' },
  { name: 'trusted-host', takesValue: true, scope: 'global' },
  { name: 'use-feature', takesValue: true, scope: 'global' },
  { name: 'hash', takesValue: true, scope: 'requirement' },
  { name: 'config-settings', takesValue: true, scope: 'requirement' },
  { name: 'global-option', takesValue: true, scope: 'requirement' },
  { name: 'install-option', takesValue: true, scope: 'requirement' },
];

const SHORT: Record<string, string> = { r: 'requirement', c: 'constraint', e: 'editable', i: 'index-url', f: 'find-links' };

export interface ParsedOption {
  name: string;
  value: string | undefined;
  scope: Scope;
}

/** Reads option tokens (`-r x`, `-rx`, `--hash=sha256:…`, `--pre`); a string is the error. */
export function parseRequirementOptions(tokens: string[]): ParsedOption[] | string {
  const out: ParsedOption[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    let name: string | undefined;
    let inline: string | undefined;
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      if (eq >= 0) inline = token.slice(eq + 1);
    } else if (token.startsWith('-') && token.length >= 2) {
      name = SHORT[token[1] ?? ''];
      if (token.length > 2) inline = token.slice(2).replace(/^=/, '');
      if (!name) return `unknown option '${token}'`;
    } else {
      return `unexpected '${token}' (options must come after the requirement)`;
    }
    const spec = SPECS.find((s) => s.name === name);
    if (!spec) return `unknown option '${token}'`;
    if (!spec.takesValue) {
      if (inline !== undefined) return `option '--${spec.name}' takes no value`;
      out.push({ name: spec.name, value: undefined, scope: spec.scope });
      continue;
    }
    const value = inline ?? tokens[++i];
    if (value === undefined || value === '') return `option '${token}' needs a value`;
    out.push({ name: spec.name, value, scope: spec.scope });
  }
  return out;
}
