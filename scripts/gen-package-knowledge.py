#!/usr/bin/env python3
"""Regenerate data/package-imports.json (import prefix -> distributions that ship it) and
data/package-requirements.json (each distribution's unconditional requirements and what its
extras add).

Usage (from the repository root, on Debian bookworm, as root):
    apt-get update && apt-get install -y apt-file dh-python && apt-file update
    (cd /tmp && npm pack pyodide && tar xzf pyodide-*.tgz package/pyodide-lock.json)
    python3 scripts/gen-package-knowledge.py --pyodide-lock /tmp/package/pyodide-lock.json

Sources, highest precedence first (a distribution's row comes whole from the first source
that has it; import names are the union of all sources):
  curated  scripts/package-knowledge/curated.json: hand-written rows, each naming its source
           (cloud SDKs, OpenTelemetry, gRPC and AI libraries that Debian and Pyodide lack).
  pyodide  the npm package pyodide's pyodide-lock.json: PyPI names, import names and
           dependencies of current releases (the scientific and data stack).
  debian   apt's package lists (`apt-cache dumpavail`): the Depends between python3-* packages;
           apt-file's Contents index: each package's top-level modules under dist-packages/ and its
           *.dist-info / *.egg-info name; dh-python's cpython3_fallback maps the rest of the Debian
           names back to PyPI names. Debian's Depends is packaging, not PyPI's Requires-Dist: a
           strong hint, kept only between Python packages.
Each row records the release its requirements were read from ('version': Debian's upstream
version, Pyodide's version, the curated row's release), or, for a curated row copied from a family
template, that family ('template'): requirements are proof only for that release.
Only text is read: no package is installed or run.
"""
import argparse
import datetime
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CURATED = os.path.join(ROOT, "scripts", "package-knowledge", "curated.json")
IMPORTS_OUT = os.path.join(ROOT, "data", "package-imports.json")
REQUIRES_OUT = os.path.join(ROOT, "data", "package-requirements.json")
IMPORT_MAP = os.path.join(ROOT, "data", "import-map.json")
FALLBACK = "/usr/share/dh-python/dist/cpython3_fallback"
DIST_PACKAGES = "usr/lib/python3/dist-packages/"

# Top-level names some Debian packages ship by mistake or share with many others: never an
# import name worth mapping to one distribution.
JUNK_TOPS = {"tests", "test", "testing", "docs", "doc", "examples", "example", "benchmarks", "scripts",
             "tools", "utils", "src", "lib", "build", "debian", "samples", "demo", "contrib", "bin", "data"}
STDLIB_SPLITS = {"python3-distutils", "python3-lib2to3", "python3-tk", "python3-venv", "python3-gdbm", "python3-dev",
                 "python3-minimal", "python3-all", "python3-pip-whl", "python3-setuptools-whl"}
MODULE_FILE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\.py|(\.[A-Za-z0-9_-]+)?\.so)$")


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def read_fallback():
    """Debian package -> PyPI name, from dh-python's `PyPIName debian-package` lines."""
    mapping = {}
    with open(FALLBACK, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and parts[1].startswith("python3-"):
                mapping.setdefault(parts[1], parts[0])
    return mapping


def read_contents():
    """Per Debian package: top-level import prefixes and the distribution names of its metadata dirs."""
    files = sorted(glob.glob("/var/lib/apt/lists/*_Contents-*.lz4"))
    if not files:
        sys.exit("no apt-file Contents index: run `apt-get install -y apt-file && apt-file update`")
    modules = {}  # package -> set of module prefixes
    dists = {}  # package -> set of distribution names
    inits = {}  # package -> list of dotted package paths with __init__.py
    for path in files:
        text = run(["/usr/lib/apt/apt-helper", "cat-file", path])
        for line in text.splitlines():
            if not line.startswith(DIST_PACKAGES):
                continue
            file_path, _, owners = line.rpartition(" ")
            file_path = file_path.strip()[len(DIST_PACKAGES):]
            for owner in owners.split(","):
                pkg = owner.rsplit("/", 1)[-1]
                if not pkg.startswith("python3-"):
                    continue
                parts = file_path.split("/")
                meta = re.match(r"^([^/]+?)-[^-/]*\.(dist-info|egg-info)$", parts[0])
                if meta:
                    dists.setdefault(pkg, set()).add(meta.group(1))
                    continue
                if len(parts) == 1:
                    m = MODULE_FILE.match(parts[0])
                    if m:
                        modules.setdefault(pkg, set()).add(m.group(1))
                elif parts[-1] == "__init__.py" and all(p.isidentifier() for p in parts[:-1]):
                    inits.setdefault(pkg, []).append(".".join(parts[:-1]))
    for pkg, packages in inits.items():
        present = set(packages)
        for dotted in packages:
            segments = dotted.split(".")
            # The outermost regular package: its parent is a namespace (no __init__.py) or the root.
            if not any(".".join(segments[:i]) in present for i in range(1, len(segments))):
                modules.setdefault(pkg, set()).add(dotted)
    return modules, dists


def upstream_version(debian_version):
    """`1:2.28.1+dfsg-1~deb12u1` -> `2.28.1`: no epoch, no Debian revision, no repack suffix."""
    version = re.sub(r"^\d+:", "", debian_version)
    version = re.sub(r"-[^-]*$", "", version)
    found = re.match(r"\d+(\.\d+)*", version)
    return found.group(0) if found else None


def read_depends():
    """Debian package -> list of python3-* packages it Depends on (alternatives skipped), and its upstream version."""
    depends = {}
    versions = {}
    for record in run(["apt-cache", "dumpavail"]).split("\n\n"):
        fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", record, re.M))
        pkg = fields.get("Package", "")
        if not pkg.startswith("python3-") or pkg in depends:
            continue
        wanted = []
        for group in fields.get("Depends", "").split(","):
            if "|" in group:
                continue  # either of two packages: no single edge to rely on
            name = group.strip().split(" ")[0].split(":")[0]
            if name.startswith("python3-") and name != pkg:
                wanted.append(name)
        depends[pkg] = wanted
        version = upstream_version(fields.get("Version", ""))
        if version:
            versions[pkg] = version
    return depends, versions


def debian_rows():
    fallback = read_fallback()
    modules, dists = read_contents()
    depends, versions = read_depends()

    def pypi_name(pkg):
        names = sorted(dists.get(pkg, ()))
        if len(names) == 1:
            return names[0]
        return fallback.get(pkg, pkg[len("python3-"):])

    rows = {}
    for pkg, wanted in depends.items():
        if pkg.endswith(("-dbg", "-doc")) or pkg in ("python3-all", "python3-dev", "python3-minimal"):
            continue
        imports = sorted(m for m in modules.get(pkg, ()) if m.split(".")[0] not in JUNK_TOPS and not m.startswith("_"))
        if not imports and pkg not in fallback and pkg not in dists:
            continue  # not a Python distribution (a helper, a meta package)
        name = normalize(pypi_name(pkg))
        # Only edges to real distributions: Debian also splits the standard library into packages
        # (python3-distutils, python3-lib2to3, python3-tk) that PyPI never installs.
        is_distribution = lambda d: (d in fallback or d in dists) and d not in STDLIB_SPLITS
        requires = sorted({normalize(pypi_name(d)) for d in wanted if is_distribution(d)} - {name})
        row = rows.setdefault(name, {"source": "debian", **({"version": versions[pkg]} if pkg in versions else {}), "imports": [], "requires": []})
        row["imports"] = sorted(set(row["imports"]) | set(imports))
        row["requires"] = sorted(set(row["requires"]) | set(requires))
    return rows


def pyodide_rows(lock_path):
    with open(lock_path, encoding="utf-8") as f:
        lock = json.load(f)
    names = {normalize(n) for n, p in lock["packages"].items() if p.get("package_type") == "package"}
    rows = {}
    for key, p in lock["packages"].items():
        if p.get("package_type") != "package" or key.endswith("-tests"):
            continue
        requires = sorted({normalize(d) for d in p.get("depends", []) if normalize(d) in names} - {normalize(p["name"])})
        rows[normalize(p["name"])] = {"source": "pyodide", "version": p["version"], "imports": sorted(p.get("imports", [])), "requires": requires}
    return rows, lock["info"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyodide-lock", required=True)
    args = parser.parse_args()
    with open(CURATED, encoding="utf-8") as f:
        curated = json.load(f)
    pyodide, pyodide_info = pyodide_rows(args.pyodide_lock)
    debian = debian_rows()
    distributions = {}
    for source in (debian, pyodide):
        for name, row in source.items():
            old = distributions.get(name)
            imports = sorted(set(row["imports"]) | set(old["imports"] if old else []))
            distributions[name] = {**row, "imports": imports}
    for raw, row in curated["distributions"].items():
        name = normalize(raw)
        old = distributions.get(name)
        extras = {normalize(x): sorted({normalize(d) for d in ds}) for x, ds in row.get("extras", {}).items()}
        distributions[name] = {
            "source": "curated: " + row["source"],
            **({"template": row["template"]} if "template" in row else {"version": row["version"]}),
            "imports": sorted(set(row["imports"]) | set(old["imports"] if old else [])),
            "requires": sorted({normalize(d) for d in row["requires"]}),
            **({"extras": extras} if extras else {}),
        }
    # A PEP 420 namespace root (`google`, `azure`) names no distribution, even where a Debian
    # package ships an __init__.py there.
    with open(IMPORT_MAP, encoding="utf-8") as f:
        namespaces = set(json.load(f)["namespaces"])
    for row in distributions.values():
        row["imports"] = [i for i in row["imports"] if i not in namespaces]
    families = {prefix: {"source": "curated: " + f["source"], "requires": sorted({normalize(d) for d in f["requires"]})}
                for prefix, f in curated["families"].items()}
    today = datetime.date.today().isoformat()
    apt_date = datetime.date.fromtimestamp(max(os.path.getmtime(p) for p in glob.glob("/var/lib/apt/lists/*Packages*"))).isoformat()
    sources = (
        "Generated by scripts/gen-package-knowledge.py on " + today + " from: curated (scripts/package-knowledge/curated.json, "
        "each row naming the PyPI release it was read from); pyodide (pyodide-lock.json of the npm package pyodide, Python "
        + pyodide_info.get("python", "?") + ", abi " + pyodide_info.get("abi_version", "?") + "); debian (Debian bookworm package lists and "
        "apt-file Contents of " + apt_date + ", Debian names mapped back to PyPI names with dh-python's cpython3_fallback; Depends kept "
        "only between Python packages). A distribution's row comes whole from the first of these that has it. Do not edit: rerun the generator."
    )
    imports = {}
    for name, row in sorted(distributions.items()):
        for prefix in row["imports"]:
            imports.setdefault(prefix, []).append(name)
    # Two files, so that matching imports (every run) never parses the larger requirements table,
    # which only an image whose installs resolve dependencies needs.
    write(IMPORTS_OUT, {
        "header": "Dotted import prefix -> PEP 503 names of the distributions that ship it (any one provides it). " + sources,
        "generated": today,
        "imports": dict(sorted(imports.items())),
    })
    write(REQUIRES_OUT, {
        "header": ("PEP 503 name -> {source, version: the release the row was read from ('*': every release), or template: the family "
                   "template a curated row copies, requires: distributions it requires unconditionally, extras: extra -> distributions it adds}; "
                   "'families': a name prefix -> requirements shared by every distribution of that prefix without its own row (a template, "
                   "not one release's metadata). Requirements are proof only for the release they were read from. " + sources),
        "generated": today,
        "families": families,
        "distributions": {name: {k: v for k, v in row.items() if k != "imports"} for name, row in sorted(distributions.items())},
    })
    edges = sum(len(r["requires"]) for r in distributions.values())
    print(f"{len(distributions)} distributions, {len(imports)} import prefixes, {edges} dependency edges -> {IMPORTS_OUT}, {REQUIRES_OUT}")


def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
