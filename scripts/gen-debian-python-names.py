#!/usr/bin/env python3
"""Regenerate data/debian-python-names.json: Debian's python3-* package -> the PyPI distribution it
packages, and the python3-* packages each one Depends on.

Usage (from the repository root, on Debian bookworm as root, after
`apt-get update && apt-get install -y dh-python apt-file && apt-file update`):
    python3 scripts/gen-debian-python-names.py

Sources:
  names    dh-python's /usr/share/dh-python/dist/cpython3_fallback, the table Debian's own packaging
           tools use to turn a `Requires-Dist` name into a Debian dependency (`PyPIName
           debian-package[; version rule]`). A python3-* package it lacks (python3-opencv) but whose
           files apt-file's Contents index puts under dist-packages/ is named after its single
           *.dist-info/*.egg-info folder, else after the package without `python3-` (the name
           data/package-imports.json gives it, made the same way by gen-package-knowledge.py).
  depends  `apt-cache dumpavail`: the Depends and Pre-Depends of each python3-* package that are
           python3-* packages themselves (first alternative), which `apt-get install` brings along:
           python3-requests brings python3-chardet, python3-opencv python3-numpy.
Names are PEP 503-normalised.
"""
import datetime
import glob
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FALLBACK = "/usr/share/dh-python/dist/cpython3_fallback"
DIST_PACKAGES = "usr/lib/python3/dist-packages/"
# Debian's split-off parts of the standard library and helpers: no PyPI distribution.
NOT_DISTRIBUTIONS = {"python3-distutils", "python3-lib2to3", "python3-tk", "python3-venv", "python3-gdbm", "python3-dev",
                     "python3-minimal", "python3-all", "python3-all-dev", "python3-pip-whl", "python3-setuptools-whl"}


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def read_fallback():
    names = {}
    with open(FALLBACK, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or not parts[1].startswith("python3-"):
                continue
            names.setdefault(parts[1].rstrip(";"), normalize(parts[0]))
    return names


def read_contents():
    """python3-* packages with files under dist-packages/ -> the names of their metadata folders."""
    files = sorted(glob.glob("/var/lib/apt/lists/*_Contents-*.lz4"))
    if not files:
        raise SystemExit("no apt-file Contents index: run `apt-get install -y apt-file && apt-file update`")
    shipped = {}
    for path in files:
        for line in run(["/usr/lib/apt/apt-helper", "cat-file", path]).splitlines():
            if not line.startswith(DIST_PACKAGES):
                continue
            file_path, _, owners = line.rpartition(" ")
            top = file_path.strip()[len(DIST_PACKAGES):].split("/")[0]
            meta = re.match(r"^([^/]+?)-[^-/]*\.(dist-info|egg-info)$", top)
            for owner in owners.split(","):
                pkg = owner.rsplit("/", 1)[-1]
                if pkg.startswith("python3-"):
                    dists = shipped.setdefault(pkg, set())
                    if meta:
                        dists.add(meta.group(1))
    return shipped


def read_depends():
    depends = {}
    for record in run(["apt-cache", "dumpavail"]).split("\n\n"):
        fields = {}
        key = None
        for line in record.split("\n"):
            if line.startswith((" ", "\t")) and key:
                fields[key] += " " + line.strip()
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        pkg = fields.get("Package", "")
        if not pkg.startswith("python3-") or pkg in depends:
            continue
        wanted = []
        for field in ("Pre-Depends", "Depends"):
            for clause in filter(None, (c.strip() for c in fields.get(field, "").split(","))):
                first = re.split(r"[\s(:]", clause.split("|")[0].strip())[0]
                if first.startswith("python3-") and first != pkg and first not in wanted:
                    wanted.append(first)
        depends[pkg] = wanted
    return depends


def main():
    names = read_fallback()
    for pkg, dists in read_contents().items():
        if pkg in names or pkg in NOT_DISTRIBUTIONS or pkg.endswith(("-dbg", "-doc")):
            continue
        names[pkg] = normalize(next(iter(dists)) if len(dists) == 1 else pkg[len("python3-"):])
    depends = {pkg: sorted(d for d in wanted if d in names) for pkg, wanted in read_depends().items() if pkg in names}
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "dh-python"], capture_output=True, text=True).stdout or "unknown"
    header = (
        "Debian python3-* package -> PyPI distribution (PEP 503 name), and 'depends': python3-* package -> the python3-* "
        f"packages its Depends/Pre-Depends bring (first alternative). Source: dh-python {version} "
        "/usr/share/dh-python/dist/cpython3_fallback, with the python3-* packages it lacks named from apt-file's Contents "
        "(their dist-packages metadata folder, else the package name without python3-), and apt-cache dumpavail of Debian "
        f"bookworm; generated {datetime.date.today().isoformat()} by scripts/gen-debian-python-names.py. Do not edit by hand."
    )
    with open(os.path.join(ROOT, "data", "debian-python-names.json"), "w", encoding="utf-8") as f:
        json.dump({"header": header, "names": dict(sorted(names.items())),
                   "depends": {k: v for k, v in sorted(depends.items()) if v}}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(names)} packages, {sum(len(v) for v in depends.values())} Depends edges")


if __name__ == "__main__":
    main()
