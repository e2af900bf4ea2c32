#!/usr/bin/env python3
"""Regenerate data/apt-closure.json: which Debian packages pull in each OS package the system rules name.

Usage (from the repository root, on a Debian machine after `apt-get update`):
    python3 scripts/gen-apt-closure.py

`apt-get install X` installs X and, recursively, its Depends and Pre-Depends (Recommends are left
out: images install with --no-install-recommends, so a library only a Recommends brings is not
counted as present). Of an alternative `a | b` apt takes the first it can install; a virtual
package is satisfied by its first provider. The closure is walked backwards from each package
named in data/system-packages.json, so the file answers "does installing any of these packages
bring libmagic1?" with one lookup. The base images' own package lists (data/base-images.json)
are checked through the same table.

Source: `apt-cache dumpavail` (the package lists `apt-get update` fetched). Suite and date are
recorded in the header.
"""
import datetime
import json
import os
import re
import subprocess
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_packages():
    text = subprocess.run(["apt-cache", "dumpavail"], check=True, capture_output=True, text=True).stdout
    packages = {}
    providers = defaultdict(list)
    for record in text.split("\n\n"):
        fields = {}
        key = None
        for line in record.split("\n"):
            if line.startswith((" ", "\t")) and key:
                fields[key] += " " + line.strip()
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        name = fields.get("Package")
        if not name:
            continue
        deps = []
        for field in ("Pre-Depends", "Depends"):
            for clause in filter(None, (c.strip() for c in fields.get(field, "").split(","))):
                alternatives = [re.split(r"[\s(:]", a.strip())[0] for a in clause.split("|")]
                deps.append(alternatives)
        packages[name] = deps
        for provided in filter(None, (p.strip() for p in fields.get("Provides", "").split(","))):
            providers[re.split(r"[\s(]", provided)[0]].append(name)
    return packages, providers


def chosen(alternatives, packages, providers):
    """The package apt installs for one Depends clause: the first real alternative, else a provider."""
    for name in alternatives:
        if name in packages:
            return name
    for name in alternatives:
        if providers.get(name):
            return sorted(providers[name])[0]
    return None


def wanted_names():
    with open(os.path.join(ROOT, "data", "system-packages.json"), encoding="utf-8") as f:
        rules = json.load(f)["rules"]
    names = set()
    for rule in rules:
        for when in ("build", "runtime"):
            for group in rule.get(when, {}).get("apt", []):
                names.update(group)
    return sorted(names)


def suite():
    out = subprocess.run(["apt-cache", "policy"], check=True, capture_output=True, text=True).stdout
    found = re.search(r"o=Debian,a=[^,]+,n=([a-z]+),", out)
    return found.group(1) if found else "unknown"


def main():
    packages, providers = read_packages()
    reverse = defaultdict(set)
    for name, deps in packages.items():
        for alternatives in deps:
            target = chosen(alternatives, packages, providers)
            if target and target != name:
                reverse[target].add(name)
    pulled_by = {}
    for target in wanted_names():
        seen, todo = set(), [target]
        while todo:
            for parent in reverse.get(todo.pop(), ()):
                if parent not in seen and parent != target:
                    seen.add(parent)
                    todo.append(parent)
        pulled_by[target] = sorted(seen)
    header = (
        "For each Debian package named in data/system-packages.json, every package whose `apt-get install "
        "--no-install-recommends` brings it in (Depends and Pre-Depends, recursively; first alternative; a "
        f"virtual package's first provider). Source: apt-cache dumpavail of Debian {suite()} main amd64, "
        f"generated {datetime.date.today().isoformat()} by scripts/gen-apt-closure.py. Do not edit by hand."
    )
    out = {"header": header, "pulledBy": pulled_by}
    with open(os.path.join(ROOT, "data", "apt-closure.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(pulled_by)} packages, {sum(len(v) for v in pulled_by.values())} reverse edges")


if __name__ == "__main__":
    main()
