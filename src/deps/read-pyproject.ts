import type { RepoPath } from '../types.js';
import { normalizeName } from './normalize-name.js';
import { parseRequirement } from './parse-requirement.js';
import { asTable as table, isTable, parseToml, type TomlTable as Table } from './parse-toml.js';
import { readDependencyGroups } from './read-dependency-groups.js';
import { readPoetryDependencies, type PoetryContext } from './read-poetry-dependencies.js';
import { resolveInclude } from './resolve-include.js';
import { malformed, unanalysable } from './rules.js';
import { createTomlLines, type TomlLines } from './toml-lines.js';
import { toRequirement } from './to-requirement.js';
import type { MarkerEnv, PyprojectFile, Requirement } from './types.js';


/**
 * pyproject.toml → main dependencies, extras, groups and the packaging facts
 * that decide whether the project itself gets installed (§10.3).
 */
export function readPyproject(path: RepoPath, text: string, env: MarkerEnv): PyprojectFile {
  const file: PyprojectFile = {
    path, format: 'pyproject', requirements: [], includes: [], constraints: [], problems: [],
    projectName: undefined, extras: {}, groups: {}, optionalGroups: [], hasBuildSystem: false, declaresMetadata: false, buildBackend: undefined,
    uvPackage: undefined, uvDefaultGroups: undefined, poetryPackageMode: undefined, dynamicDependencies: false, requiresPython: undefined,
  };
  const parsed = parseToml(path, text);
  if ('problem' in parsed) {
    file.problems.push(parsed.problem);
    return file;
  }
  const doc = parsed.doc;
  const lines = createTomlLines(text);
  const project = table(doc.project);
  const tool = table(doc.tool);
  const poetry = table(tool.poetry);
  file.projectName = typeof project.name === 'string' ? project.name : typeof poetry.name === 'string' ? poetry.name : undefined;
  file.requiresPython = typeof project['requires-python'] === 'string' ? project['requires-python'] : undefined;
  file.hasBuildSystem = isTable(doc['build-system']);
  file.declaresMetadata = isTable(doc.project) || isTable(tool.poetry);
  const backend = table(doc['build-system'])['build-backend'];
  file.buildBackend = typeof backend === 'string' ? backend : undefined;
  const uv = table(tool.uv);
  if (typeof uv.package === 'boolean') file.uvPackage = uv.package;
  const uvDefaults = uv['default-groups'];
  if (uvDefaults === 'all') file.uvDefaultGroups = 'all';
  else if (Array.isArray(uvDefaults)) file.uvDefaultGroups = uvDefaults.filter((g): g is string => typeof g === 'string').map(normalizeName);
  if (typeof poetry['package-mode'] === 'boolean') file.poetryPackageMode = poetry['package-mode'];

  const projectLine = lines.header('project');
  const readList = (value: unknown, where: string, after: number): Requirement[] =>
    readPep508List(value, where, after, { file: path, lines, env, problems: file.problems });
  file.requirements.push(...readList(project.dependencies, 'project.dependencies', projectLine));
  for (const [extra, list] of Object.entries(table(project['optional-dependencies']))) {
    const header = lines.header('project.optional-dependencies') || projectLine;
    file.extras[normalizeName(extra)] = readList(list, `project.optional-dependencies.${extra}`, lines.key(header, extra) || header);
  }
  Object.assign(file.groups, readDependencyGroups(doc['dependency-groups'], lines, (list, name, line) => readList(list, `dependency-groups.${name}`, line), file.problems, path));
  readDynamic(project, tool, file, lines);
  readPoetry(poetry, file, { file: path, lines, env, problems: file.problems });
  return file;
}

function readPep508List(value: unknown, where: string, after: number, ctx: PoetryContext): Requirement[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    ctx.problems.push(malformed(ctx.file, after, `${ctx.file}:${after}: ${where} must be a list of requirement strings`));
    return [];
  }
  const out: Requirement[] = [];
  let cursor = after;
  for (const item of value) {
    if (typeof item !== 'string') continue; // include-group tables are handled by the group reader
    const line = ctx.lines.value(cursor, item) || after;
    cursor = line;
    const parsed = parseRequirement(item);
    if (parsed.ok) out.push(toRequirement(parsed.value, { file: ctx.file, line, direct: true }, ctx.env));
    else ctx.problems.push(malformed(ctx.file, line, `${ctx.file}:${line}: ${where}: ${parsed.message}`));
  }
  return out;
}

function readDynamic(project: Table, tool: Table, file: PyprojectFile, lines: TomlLines): void {
  if (!Array.isArray(project.dynamic) || !project.dynamic.includes('dependencies')) return;
  file.dynamicDependencies = true;
  const pointer = table(table(table(tool.setuptools).dynamic).dependencies).file;
  const targets = typeof pointer === 'string' ? [pointer] : Array.isArray(pointer) ? pointer.filter((p): p is string => typeof p === 'string') : [];
  const line = lines.header('tool.setuptools.dynamic') || lines.key(lines.header('project'), 'dynamic');
  if (targets.length === 0) {
    file.problems.push(unanalysable(file.path, line, `${file.path}:${line}: dependencies are dynamic and no [tool.setuptools.dynamic] file says where they are`));
  }
  for (const target of targets) {
    const resolved = resolveInclude(file.path, target);
    if (typeof resolved === 'string') file.includes.push(resolved);
    else file.problems.push(unanalysable(file.path, line, `${file.path}:${line}: cannot follow ${resolved.reason}`));
  }
}

function readPoetry(poetry: Table, file: PyprojectFile, ctx: PoetryContext): void {
  const optional: Requirement[] = [];
  const take = (value: unknown, header: string): Requirement[] =>
    readPoetryDependencies(value, header, ctx).flatMap(({ requirement, optional: isOptional }) => {
      if (!isOptional) return [requirement];
      optional.push(requirement);
      return [];
    });
  if (poetry.dependencies !== undefined) file.requirements.push(...take(poetry.dependencies, 'tool.poetry.dependencies'));
  if (poetry['dev-dependencies'] !== undefined) addGroup(file, 'dev', take(poetry['dev-dependencies'], 'tool.poetry.dev-dependencies'));
  for (const [name, group] of Object.entries(table(poetry.group))) {
    const g = normalizeName(name);
    addGroup(file, g, take(table(group).dependencies ?? {}, `tool.poetry.group.${name}.dependencies`));
    if (table(group).optional === true) file.optionalGroups.push(g);
  }
  for (const [extra, names] of Object.entries(table(poetry.extras))) {
    const wanted = new Set((Array.isArray(names) ? names : []).filter((n): n is string => typeof n === 'string').map(normalizeName));
    (file.extras[normalizeName(extra)] ??= []).push(...optional.filter((r) => wanted.has(r.name)));
  }
  const orphan = optional.filter((r) => !Object.values(file.extras).some((list) => list.includes(r)));
  for (const r of orphan) {
    const message = `${file.path}:${r.source.line}: optional dependency '${r.rawName}' is in no [tool.poetry.extras] entry, so nothing installs it`;
    file.problems.push({ ...unanalysable(file.path, r.source.line, message), severity: 'info' });
  }
}

function addGroup(file: PyprojectFile, name: string, requirements: Requirement[]): void {
  (file.groups[name] ??= []).push(...requirements);
}
