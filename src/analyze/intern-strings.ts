import type { ParsedModule } from '../types.js';

/**
 * One string per distinct value: a module parsed in a worker arrives with its
 * own copy of every name (`get`, `typing`, `dataclasses.`…), and a check of
 * every service holds thousands of modules for its rules, where the copies
 * were ~10 MB of a ~65 MB heap. Interning them in place keeps one of each.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** Replaces the module's repeated names with the pool's strings; the values are unchanged. */
  internModule(parsed: ParsedModule): ParsedModule {
    for (const ref of parsed.imports) {
      ref.module = this.intern(ref.module);
      for (let i = 0; i < ref.names.length; i++) ref.names[i] = this.intern(ref.names[i]!);
    }
    for (let i = 0; i < parsed.calls.length; i++) parsed.calls[i] = this.intern(parsed.calls[i]!);
    for (let i = 0; i < parsed.strings.length; i++) parsed.strings[i] = this.intern(parsed.strings[i]!);
    for (const candidate of parsed.dynamicCandidates) candidate.value = this.intern(candidate.value);
    return parsed;
  }
}
