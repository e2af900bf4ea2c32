import { DockguardError } from '../errors.js';
import { findRule } from '../rules/index.js';

/** `--select missing-copy,DG101` → rule names; an unknown one is a usage error naming the option. */
export function toRuleNames(given: readonly string[], option: string): string[] {
  return given
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const rule = findRule(item);
      if (!rule) throw new DockguardError(`${option}: unknown rule ${JSON.stringify(item)}`, 'see `dockguard check --help` for the rule table');
      return rule.name;
    });
}
