import type { VariableScope } from './variables.js';

/**
 * The variables each RUN sees (ARG values and ENV, ENV winning), in time
 * and memory linear in the Dockerfile's length. A Dockerfile alternating ENV
 * and RUN would otherwise copy every variable into every RUN (quadratic: 15 s
 * and 1 GB for 10,000 lines). Instead each change is recorded once, with a
 * version, and a RUN keeps the version it started at: its `env` is a
 * read-only view that finds a variable's value at that version when it is
 * read (a binary search), and lists them all only when enumerated. (No
 * `set` trap: an object built on the view, like the shell parser's own
 * variables, takes its assignments as its own properties.)
 */
export class RunEnv {
  /** Per variable, its values in version order; `undefined` = declared without a value. */
  private readonly history = new Map<string, Array<{ version: number; value: string | undefined }>>();
  private version = 0;
  private view: Record<string, string> | undefined;

  /** A stage built `FROM` another starts with its variables (copied: two stages may grow from one parent). */
  static inherit(parent: RunEnv | undefined): RunEnv {
    const env = new RunEnv();
    if (!parent) return env;
    for (const name of parent.history.keys()) {
      const value = parent.valueAt(name, parent.version);
      env.history.set(name, [{ version: 0, value }]);
    }
    return env;
  }

  /** Re-reads one variable from the scope after an ARG or ENV set it. */
  refresh(name: string, scope: VariableScope): void {
    const value = scope.env.get(name) ?? scope.args.get(name);
    const entries = this.history.get(name);
    if (entries?.at(-1)?.value === value) return;
    this.version++;
    this.view = undefined;
    if (entries) entries.push({ version: this.version, value });
    else this.history.set(name, [{ version: this.version, value }]);
  }

  /** The variables now, as a RUN reads them; RUNs with no ARG or ENV between them share one view. */
  current(): Readonly<Record<string, string>> {
    this.view ??= this.viewAt(this.version);
    return this.view;
  }

  private valueAt(name: string, version: number): string | undefined {
    const entries = this.history.get(name);
    if (!entries) return undefined;
    let low = 0;
    let high = entries.length - 1;
    let found: string | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (entries[mid]!.version <= version) {
        found = entries[mid]!.value;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  private viewAt(version: number): Record<string, string> {
    const read = (name: string | symbol) => (typeof name === 'string' ? this.valueAt(name, version) : undefined);
    const names = () => [...this.history.keys()].filter((name) => read(name) !== undefined);
    return new Proxy(Object.create(null) as Record<string, string>, {
      get: (_, name) => read(name),
      has: (_, name) => read(name) !== undefined,
      ownKeys: () => names(),
      getOwnPropertyDescriptor: (_, name) => {
        const value = read(name);
        return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: false };
      },
    });
  }
}
