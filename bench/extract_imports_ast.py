"""Yardstick for the benchmark: the simplest way to read every import of a repo.

Walks the repository's ``*.py`` files (skipping ``.git``), parses each with
``ast`` in one process and counts Import/ImportFrom nodes. dockguard does
more (images, resolution), so matching this script's time is the bar.

    python3 bench/extract_imports_ast.py <repo>
"""

import ast
import os
import sys


def collect_imports(tree: ast.AST) -> list[str]:
    """Every imported module name in ``tree``, relative ones with their dots."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append("." * node.level + (node.module or ""))
    return found


def main(root: str) -> int:
    files = 0
    imports = 0
    errors = 0
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d != ".git")
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            with open(path, "rb") as handle:
                source = handle.read()
            try:
                tree = ast.parse(source, filename=path)
            except SyntaxError as error:
                errors += 1
                print(f"syntax error: {path}:{error.lineno}: {error.msg}", file=sys.stderr)
                continue
            files += 1
            imports += len(collect_imports(tree))
    print(f"files {files} imports {imports} errors {errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: extract_imports_ast.py <repo>", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
