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
import { computedImport } from './DG014-computed-import.js';
import { missingPackage } from './DG101-missing-package.js';
import { implicitPackage } from './DG102-implicit-package.js';
import { entrypointNotInstalled } from './DG103-entrypoint-not-installed.js';
import { systemPackage } from './DG104-system-package.js';
import { lockDrift } from './DG105-lock-drift.js';
import { unlockedInstall } from './DG106-unlocked-install.js';
import { transitiveOnly } from './DG107-transitive-only.js';
import { dependencyFileMalformed } from './DG108-dependency-file-malformed.js';
import { dependencyFileUnreadable } from './DG109-dependency-file-unreadable.js';
import { dependencyFileUnanalysable } from './DG110-dependency-file-unanalysable.js';
import { installCommandUnanalysable } from './DG111-install-command-unanalysable.js';
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
  computedImport,
  missingPackage,
  implicitPackage,
  entrypointNotInstalled,
  systemPackage,
  lockDrift,
  unlockedInstall,
  transitiveOnly,
  dependencyFileMalformed,
  dependencyFileUnreadable,
  dependencyFileUnanalysable,
  installCommandUnanalysable,
];

export function findRule(name: string): Rule | undefined {
  return RULES.find((rule) => rule.name === name || rule.code === name);
}
