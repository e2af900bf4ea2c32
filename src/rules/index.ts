import { missingCopy } from './DG001-missing-copy.js';
import { copySourceMissing } from './DG002-copy-source-missing.js';
import { contextUnknown } from './DG003-context-unknown.js';
import { unmodelledSource } from './DG004-unmodelled-source.js';
import { dockerfileSyntax } from './DG005-dockerfile-syntax.js';
import { pythonSyntaxError } from './DG006-python-syntax-error.js';
import { fileUnreadable } from './DG007-file-unreadable.js';
import { entrypointUnknown } from './DG008-entrypoint-unknown.js';
import { dockerfileNotFound } from './DG009-dockerfile-not-found.js';
import { discoveryFileUnreadable } from './DG010-discovery-file-unreadable.js';
import { contextNotFound } from './DG011-context-not-found.js';
import { rootNotFound } from './DG012-root-not-found.js';
import { unusedIgnore } from './DG013-unused-ignore.js';
import type { Rule } from './rule.js';

export type { Rule } from './rule.js';

/** Every rule, in the order findings are produced. Adding a rule means adding it here. */
export const RULES: readonly Rule[] = [
  missingCopy,
  copySourceMissing,
  contextUnknown,
  unmodelledSource,
  dockerfileSyntax,
  pythonSyntaxError,
  fileUnreadable,
  entrypointUnknown,
  dockerfileNotFound,
  discoveryFileUnreadable,
  contextNotFound,
  rootNotFound,
  unusedIgnore,
];

export function findRule(name: string): Rule | undefined {
  return RULES.find((rule) => rule.name === name || rule.code === name);
}
