/** Options and positionals of a command line, for one tool's option table. */
export interface ParsedOptions {
  options: Array<{ name: string; value: string | undefined }>;
  positionals: string[];
}

/**
 * Splits `args` using the set of options that take a value (`--chdir D`,
 * `--chdir=D`, `-cD`, `-c D`). Unknown options are taken as flags; `--`
 * ends options.
 */
export function parseOptions(args: readonly string[], takesValue: ReadonlySet<string>): ParsedOptions {
  const options: ParsedOptions['options'] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) options.push({ name: arg.slice(0, eq), value: arg.slice(eq + 1) });
      else if (takesValue.has(arg)) options.push({ name: arg, value: args[++i] });
      else options.push({ name: arg, value: undefined });
    } else if (arg.startsWith('-') && arg.length > 1) {
      const name = arg.slice(0, 2);
      if (!takesValue.has(name)) options.push({ name, value: undefined });
      else if (arg.length > 2) options.push({ name, value: arg.slice(2).replace(/^=/, '') });
      else options.push({ name, value: args[++i] });
    } else positionals.push(arg);
  }
  return { options, positionals };
}

/** Value of the last occurrence of any of `names`. */
export function lastOption(parsed: ParsedOptions, ...names: string[]): string | undefined {
  let found: string | undefined;
  for (const o of parsed.options) if (names.includes(o.name) && o.value !== undefined) found = o.value;
  return found;
}

export function allOptions(parsed: ParsedOptions, ...names: string[]): string[] {
  return parsed.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as string);
}

export function hasOption(parsed: ParsedOptions, ...names: string[]): boolean {
  return parsed.options.some((o) => names.includes(o.name));
}

/** Index of the first argument that is not an option, skipping values of `takesValue` options. */
export function firstPositionalIndex(args: readonly string[], takesValue: ReadonlySet<string>): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return i + 1;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (!arg.includes('=') && takesValue.has(arg)) i++;
  }
  return args.length;
}
