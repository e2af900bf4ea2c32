#!/usr/bin/env python3
"""Regenerate data/debian-python-names.json: Debian's python3-* package -> the PyPI distribution it packages.

Usage (from the repository root, on Debian with dh-python installed: `apt-get install dh-python`):
    python3 scripts/gen-debian-python-names.py

Source: dh-python's /usr/share/dh-python/dist/cpython3_fallback, the table Debian's own
packaging tools use to turn a `Requires-Dist` name into a Debian dependency. Each line is
`PyPIName debian-package[; version rule]`. Only python3-* packages are kept (what an
`apt-get install python3-<x>` line names); names are PEP 503-normalised.
"""
import datetime
import json
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FALLBACK = "/usr/share/dh-python/dist/cpython3_fallback"


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def main():
    names = {}
    with open(FALLBACK, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or not parts[1].startswith("python3-"):
                continue
            debian = parts[1].rstrip(";")
            names.setdefault(debian, normalize(parts[0]))
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "dh-python"], capture_output=True, text=True).stdout or "unknown"
    header = (
        "Debian python3-* package -> PyPI distribution (PEP 503 name). Source: dh-python "
        f"{version} /usr/share/dh-python/dist/cpython3_fallback, generated {datetime.date.today().isoformat()} "
        "by scripts/gen-debian-python-names.py. Do not edit by hand."
    )
    with open(os.path.join(ROOT, "data", "debian-python-names.json"), "w", encoding="utf-8") as f:
        json.dump({"header": header, "names": dict(sorted(names.items()))}, f, separators=(",", ":"))
        f.write("\n")
    print(f"{len(names)} packages")


if __name__ == "__main__":
    main()
