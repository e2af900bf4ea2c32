"""Independent answer key: which imports each service image lacks.

Models the plain Dockerfiles used by the bench monorepo and examples/shop
(one final stage, WORKDIR, COPY of context files and directories, exec-form
CMD with gunicorn/uvicorn/``python -m``), follows imports from the entry
module with ``ast`` and lists first-party modules missing from the image and
third-party imports whose distribution is not in the service's
requirements.txt. It is deliberately small and knows nothing of dockguard,
so the two can be compared.

    python3 bench/expected_findings.py <build-context>   # prints JSON
"""

import ast
import functools
import json
import os
import posixpath
import sys

# Import names whose distribution is named differently (the bench's packages only).
DISTRIBUTIONS = {
    "yaml": "pyyaml", "dotenv": "python-dotenv", "jwt": "pyjwt", "dateutil": "python-dateutil",
    "psycopg2": "psycopg2-binary", "prometheus_client": "prometheus-client",
}


def read_dockerfile(path):
    """Instructions of the final stage as (keyword, argument text) pairs."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read().replace("\\\n", " ")
    stage = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.upper() == "FROM":
            stage = []
        stage.append((keyword.upper(), rest.strip()))
    return stage


def model_image(context, dockerfile):
    """Image path -> context-relative file, the final WORKDIR and the CMD argv."""
    files, workdir, cmd = {}, "/", None
    for keyword, rest in read_dockerfile(os.path.join(context, dockerfile)):
        if keyword == "WORKDIR":
            workdir = posixpath.normpath(posixpath.join(workdir, rest))
        elif keyword == "CMD":
            cmd = json.loads(rest)
        elif keyword == "COPY":
            args = rest.split()
            if any(arg.startswith("--from") for arg in args):
                continue
            args = [arg for arg in args if not arg.startswith("--")]
            sources, dest = args[:-1], args[-1]
            into_dir = dest.endswith("/") or dest in (".", "./") or len(sources) > 1
            dest = posixpath.normpath(posixpath.join(workdir, dest))
            for source in sources:
                local = os.path.join(context, source)
                if os.path.isdir(local):
                    for directory, _, names in os.walk(local):
                        for name in names:
                            rel = os.path.relpath(os.path.join(directory, name), local).replace(os.sep, "/")
                            files[posixpath.join(dest, rel)] = os.path.relpath(os.path.join(directory, name), context)
                else:
                    target = posixpath.join(dest, posixpath.basename(source)) if into_dir else dest
                    files[target] = source
    return files, workdir, cmd


def entry_module(cmd):
    if cmd[0] == "python" and "-m" in cmd:
        return cmd[cmd.index("-m") + 1]
    app = [arg for arg in cmd[1:] if ":" in arg and not arg.startswith((":", "-"))]
    return app[-1].split(":")[0]


def image_dirs(files):
    """Every directory of the image that holds a file, at any depth."""
    dirs = set()
    for path in files:
        path = posixpath.dirname(path)
        while path not in dirs and path not in ("/", ""):
            dirs.add(path)
            path = posixpath.dirname(path)
    return dirs


def find_module(files, dirs, root, dotted):
    """('file', image path), ('namespace', None) or (None, None)."""
    base = posixpath.join(root, *dotted.split("."))
    for candidate in (base + "/__init__.py", base + ".py"):
        if candidate in files:
            return "file", candidate
    if base in dirs:
        return "namespace", None
    return None, None


def enclosing_flags(tree):
    """Node id -> (guarded, type_only) for every import node."""
    flags = {}

    def visit(node, guarded, type_only):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            flags[id(node)] = (guarded, type_only)
        for field, value in ast.iter_fields(node):
            children = value if isinstance(value, list) else [value]
            for child in children:
                if not isinstance(child, ast.AST):
                    continue
                child_guarded = guarded or (isinstance(node, ast.Try) and field == "body" and catches_import_error(node))
                child_type_only = type_only or (field == "body" and is_type_checking_test(node))
                visit(child, child_guarded, child_type_only)

    visit(tree, False, False)
    return flags


def is_type_checking_test(node):
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


@functools.lru_cache(maxsize=None)
def read_imports(path):
    """(line, level, module, names, guarded, type_only) per import; each file parsed once for all services."""
    with open(path, "rb") as handle:
        tree = ast.parse(handle.read())
    flags = enclosing_flags(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, 0, alias.name, (), *flags[id(node)]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names = tuple(alias.name for alias in node.names)
            found.append((node.lineno, node.level, node.module or "", names, *flags[id(node)]))
    return found


def catches_import_error(node):
    names = {ast.unparse(handler.type) if handler.type else "" for handler in node.handlers}
    return bool(names & {"", "ImportError", "ModuleNotFoundError", "Exception"})


def absolute_name(package, level, module):
    """The absolute module a ``from`` import of ``level`` dots names, seen from ``package``."""
    if not level:
        return module
    parts = package.split(".")
    return ".".join(parts[: len(parts) - level + 1] + ([module] if module else []))


class Image:
    """One service's image: its files, the directory on sys.path, its requirements."""

    def __init__(self, context, dockerfile):
        self.files, self.root, self.cmd = model_image(context, dockerfile)
        self.dirs = image_dirs(self.files)
        with open(os.path.join(context, posixpath.dirname(dockerfile), "requirements.txt"), encoding="utf-8") as handle:
            self.pins = {line.split("==")[0].strip().lower().replace("_", "-") for line in handle if "==" in line}

    def find(self, dotted):
        return find_module(self.files, self.dirs, self.root, dotted)


def check_service(context, dockerfile, first_party):
    image = Image(context, dockerfile)
    entry = entry_module(image.cmd)
    kind, start = image.find(entry)
    missing, missing_distributions = [], []
    queue, seen = ([start] if kind == "file" else []), set()
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        dotted = posixpath.relpath(path, image.root)[: -len(".py")].replace("/", ".").removesuffix(".__init__")
        package = dotted if path.endswith("__init__.py") else dotted.rpartition(".")[0]
        for line, level, module, names, guarded, type_only in read_imports(os.path.join(context, image.files[path])):
            module = absolute_name(package, level, module)
            where = {"file": image.files[path], "line": line}
            top = module.split(".")[0]
            if top not in first_party and not level:
                dist = DISTRIBUTIONS.get(top, top.replace("_", "-"))
                if top not in sys.stdlib_module_names and top != "__future__" and dist not in image.pins and not guarded:
                    missing_distributions.append({**where, "module": top})
                continue
            parts = module.split(".")
            for i in range(1, len(parts) + 1):
                kind, found = image.find(".".join(parts[:i]))
                if kind is None:
                    if not guarded and not type_only:
                        missing.append({**where, "module": ".".join(parts[:i])})
                    break
                if found:
                    queue.append(found)
            else:
                # `from pkg import name` runs pkg/name.py when name is a submodule.
                queue.extend(found for _, found in (image.find(f"{module}.{name}") for name in names) if found)
    order = lambda item: (item["file"], item["line"], item["module"])
    return {
        "dockerfile": dockerfile,
        "entry": entry,
        "modules": len(seen),
        "missing": sorted(missing, key=order),
        "missing_distributions": sorted(missing_distributions, key=order),
    }


def main(context):
    dockerfiles = sorted(
        f"services/{name}/Dockerfile"
        for name in os.listdir(os.path.join(context, "services"))
        if os.path.isfile(os.path.join(context, "services", name, "Dockerfile"))
    )
    first_party = set()
    for dockerfile in dockerfiles:
        files, workdir, _ = model_image(context, dockerfile)
        first_party |= {posixpath.relpath(p, workdir).split("/")[0].removesuffix(".py") for p in files if p.endswith(".py")}
    services = [check_service(context, dockerfile, first_party) for dockerfile in dockerfiles]
    print(json.dumps({"services": services}, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
