import { expandWord, type VariableLookup } from './expand-word.js';
import { splitWhitespace, splitWords } from './split-words.js';

/** Build-time variables of one stage: declared ARGs (value or none) and ENV. */
export interface VariableScope {
  args: Map<string, string | undefined>;
  env: Map<string, string>;
  /** The base image's own ENV (its PATH), seen by `$PATH` but not part of what the Dockerfile sets. */
  inherited?: Map<string, string>;
}

/** Platform ARGs BuildKit defines in the global scope; the values are those of a typical amd64 build. */
const AUTOMATIC_ARGS: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '',
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
};

export function createScope(from?: VariableScope, inherited?: Map<string, string>): VariableScope {
  const base = inherited ?? from?.inherited;
  return { args: new Map(from?.args), env: new Map(from?.env), ...(base ? { inherited: base } : {}) };
}

export function createGlobalScope(): VariableScope {
  return { args: new Map(Object.entries(AUTOMATIC_ARGS)), env: new Map() };
}

/** ENV shadows an ARG of the same name. */
export function lookupIn(scope: VariableScope): VariableLookup {
  return (name) => scope.env.get(name) ?? scope.args.get(name) ?? scope.inherited?.get(name);
}

/**
 * Applies `ARG a[=d] …`. A build arg wins over the default; an ARG without
 * a default inside a stage takes the global ARG's value. Returns the names set.
 */
export function applyArg(
  scope: VariableScope,
  args: string,
  escape: string,
  buildArgs: Record<string, string>,
  globals: VariableScope | undefined,
): string[] {
  const lookup = lookupIn(scope);
  const names: string[] = [];
  for (const word of splitWords(args, escape)) {
    const eq = word.indexOf('=');
    const name = eq < 0 ? word : word.slice(0, eq);
    if (!name) continue;
    const fallback = eq < 0 ? globals?.args.get(name) : expandWord(word.slice(eq + 1), lookup, escape).value;
    scope.args.set(name, Object.hasOwn(buildArgs, name) ? buildArgs[name] : fallback);
    names.push(name);
  }
  return names;
}

/** Applies `ENV a=b c=d` or legacy `ENV a b c`; values see the variables from before the line. */
export function applyEnv(scope: VariableScope, args: string, escape: string): Array<[string, string]> {
  const lookup = lookupIn(scope);
  const words = splitWords(args, escape);
  const pairs: Array<[string, string]> = [];
  if (words.length === 0) return pairs;
  if (!words[0]!.includes('=')) {
    const name = splitWhitespace(args)[0]!;
    const rest = args.trim().slice(name.length).trim();
    pairs.push([name, expandWord(rest, lookup, escape).value]);
  } else {
    for (const word of words) {
      const eq = word.indexOf('=');
      if (eq <= 0) continue;
      pairs.push([word.slice(0, eq), expandWord(word.slice(eq + 1), lookup, escape).value]);
    }
  }
  for (const [name, value] of pairs) scope.env.set(name, value);
  return pairs;
}
