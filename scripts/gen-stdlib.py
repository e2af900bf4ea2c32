#!/usr/bin/env python3
"""Regenerate data/stdlib.json: the standard-library module names per Python minor.

Usage (from the repository root):
    python3 scripts/gen-stdlib.py                  # finds ~/.pyenv/versions/3.X.*/bin/python
    python3 scripts/gen-stdlib.py --python 3.12=/usr/bin/python3.12 ...

Each interpreter is run with this script in `--emit` mode (argument list, no shell).
3.10+ report `sys.stdlib_module_names`. 3.8/3.9 lack it, so their list is derived from
the interpreter's Lib directory + lib-dynload + `sys.builtin_module_names`; the same
derivation is run on every 3.10+ interpreter too and must differ from
`sys.stdlib_module_names` only by the known test/platform names below, which proves the
derivation before it is trusted for 3.8/3.9.
3.14 is derived from 3.13 plus the modules documented as new in "What's New In Python 3.14".

Submodules (`logging.handlers`, `email.mime.text`) are listed per minor too, read from the
packages of each interpreter's Lib directory, so that "the standard library's logging has no
`templates`" is a fact. 3.14 gets none: no interpreter was run, so its submodules are unknown.
"""
import glob
import json
import os
import re
import subprocess
import sys
import sysconfig

VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]

# Built for tests only; never in sys.stdlib_module_names.
TEST_ONLY = re.compile(r"^(test|_test.*|_ctypes_test|xx.*|_xx.*|__phello__.*|__hello__.*|_sysconfigdata_.*)$")

# In sys.stdlib_module_names but not visible on a Linux build (Windows/macOS modules, frozen
# importlib, dbm back-ends this interpreter was built without). Added to 3.8/3.9, which had them too.
NOT_VISIBLE_ON_LINUX = [
    "_dbm", "_frozen_importlib", "_frozen_importlib_external", "_gdbm", "_msi", "_overlapped",
    "_scproxy", "_winapi", "msilib", "msvcrt", "nt", "winreg", "winsound",
]

# Windows-only and new in 3.12, so only used to explain the 3.12+ comparison.
NOT_VISIBLE_SINCE_3_12 = ["_wmi"]

NEW_IN_3_14 = [
    "annotationlib", "compression", "_zstd", "_hmac", "_remote_debugging", "_py_warnings",
    "_types", "_apple_support",
]
REMOVED_IN_3_14 = []

# Test packages: the official python image deletes them and Debian ships them apart
# (libpython3.X-testsuite), so whether an image holds them is not a fact of the version.
TEST_FOLDERS = {"test", "tests", "idle_test"}

# Not a file: `os` puts posixpath/ntpath in sys.modules as `os.path`, so `import os.path` works.
ALIASED_SUBMODULES = ["os.path"]

HEADER = (
    "Top-level standard-library module names per Python minor (private names and __future__ kept, "
    "'test' excluded). Regenerate with `python3 scripts/gen-stdlib.py` (needs CPython 3.8-3.13, "
    "e.g. pyenv). 3.10-3.13: sys.stdlib_module_names. 3.8/3.9: the interpreter's Lib dir, lib-dynload "
    "and sys.builtin_module_names, plus Windows/macOS-only names that a Linux build cannot show "
    "(derivation verified against sys.stdlib_module_names on 3.10-3.13). 3.14: not run on a real "
    "interpreter; 3.13's list plus the modules documented as new in 3.14 ("
    + ", ".join(NEW_IN_3_14) + "). Submodules: the .py files and packages under each top-level "
    "package of the interpreter's Lib dir (test packages left out, as the official image deletes "
    "them), plus " + ", ".join(ALIASED_SUBMODULES) + "; none recorded for 3.14, whose submodules are "
    "therefore unknown."
)


def derive_from_lib():
    names = set(sys.builtin_module_names)
    lib = sysconfig.get_paths()["stdlib"]
    for folder in (lib, os.path.join(lib, "lib-dynload")):
        for entry in os.listdir(folder):
            full = os.path.join(folder, entry)
            if entry.endswith(".py"):
                names.add(entry[:-3])
            elif entry.endswith(".so") or entry.endswith(".pyd"):
                names.add(entry.split(".")[0])
            elif os.path.isfile(os.path.join(full, "__init__.py")):
                names.add(entry)
    return {n for n in names if not TEST_ONLY.match(n)}


def list_submodules(top_names):
    lib = sysconfig.get_paths()["stdlib"]
    found = set(ALIASED_SUBMODULES)

    def walk(folder, dotted):
        for entry in sorted(os.listdir(folder)):
            full = os.path.join(folder, entry)
            if os.path.isdir(full):
                if entry not in TEST_FOLDERS and os.path.isfile(os.path.join(full, "__init__.py")):
                    found.add(dotted + "." + entry)
                    walk(full, dotted + "." + entry)
            elif entry.endswith(".py") and entry != "__init__.py":
                found.add(dotted + "." + entry[:-3])
            elif entry.endswith(".so"):
                found.add(dotted + "." + entry.split(".")[0])

    for name in top_names:
        folder = os.path.join(lib, name)
        if os.path.isfile(os.path.join(folder, "__init__.py")):
            walk(folder, name)
    return found


def emit():
    derived = derive_from_lib()
    official = getattr(sys, "stdlib_module_names", None)
    print(json.dumps({
        "derived": sorted(derived),
        "official": sorted(official) if official is not None else None,
        "submodules": sorted(list_submodules(official if official is not None else derived)),
    }))


def find_pyenv(version):
    pattern = os.path.expanduser("~/.pyenv/versions/%s.*/bin/python" % version)
    found = sorted(p for p in glob.glob(pattern) if re.search(r"/%s\.\d+/bin" % re.escape(version), p))
    if not found:
        sys.exit("no interpreter for Python %s; pass --python %s=/path/to/python" % (version, version))
    return found[-1]


def collect(version, interpreter):
    out = subprocess.run([interpreter, os.path.abspath(__file__), "--emit"],
                         check=True, capture_output=True, text=True).stdout
    data = json.loads(out)
    derived = set(data["derived"])
    submodules = data["submodules"]
    if data["official"] is None:
        return sorted(derived | set(NOT_VISIBLE_ON_LINUX)), submodules
    official = set(data["official"])
    unexplained = (official - derived) - set(NOT_VISIBLE_ON_LINUX) - set(NOT_VISIBLE_SINCE_3_12)
    extra = derived - official
    if unexplained or extra:
        sys.exit("derivation check failed on %s: missing %s, extra %s"
                 % (version, sorted(unexplained), sorted(extra)))
    return sorted(official), submodules


def main(argv):
    if argv[:1] == ["--emit"]:
        return emit()
    given = {}
    args = iter(argv)
    for arg in args:
        if arg == "--python":
            version, _, path = next(args).partition("=")
            given[version] = path
    versions = {}
    submodules = {}
    for version in VERSIONS:
        versions[version], submodules[version] = collect(version, given.get(version) or find_pyenv(version))
    versions["3.14"] = sorted((set(versions["3.13"]) | set(NEW_IN_3_14)) - set(REMOVED_IN_3_14))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    target = os.path.join(root, "data", "stdlib.json")
    with open(target, "w") as f:
        json.dump({"header": HEADER, "versions": versions, "submodules": submodules}, f, indent=1)
        f.write("\n")
    print("wrote %s" % target)


if __name__ == "__main__":
    main(sys.argv[1:])
