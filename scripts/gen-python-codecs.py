#!/usr/bin/env python3
"""Regenerate data/python-codecs.json: every name a PEP 263 coding cookie may use, mapped to
the text codec CPython picks for it.

Usage (from the repository root):
    python3 scripts/gen-python-codecs.py           # finds ~/.pyenv/versions/3.X.*/bin/python
    python3 scripts/gen-python-codecs.py --python 3.12=/usr/bin/python3.12 ...

Each interpreter is run with this script in `--emit` mode: it lists the modules of its
`encodings` package and the keys of `encodings.aliases.aliases`, looks each up with
`codecs.lookup` and keeps the text encodings (not base64_codec, rot_13 and the other
bytes-to-bytes or str-to-str codecs, which a source file cannot be in). Keys are in
`encodings.normalize_encoding` form, lower-cased, as `codecs.lookup` compares them.
The union over 3.8-3.13 is written; where versions differ, the newest one's codec.
"""
import glob
import json
import os
import pkgutil
import re
import subprocess
import sys

VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]


def emit():
    import codecs
    import encodings
    import encodings.aliases

    names = set(encodings.aliases.aliases)
    names |= {m.name for m in pkgutil.iter_modules(encodings.__path__)}
    found = {}
    for name in sorted(names):
        try:
            info = codecs.lookup(name)
        except LookupError:
            continue  # Windows-only (mbcs, oem) or a helper module (aliases)
        if getattr(info, "_is_text_encoding", True):
            found[name.lower()] = info.name
    print(json.dumps(found))


def find_pyenv(version):
    pattern = os.path.expanduser("~/.pyenv/versions/%s.*/bin/python" % version)
    found = sorted(p for p in glob.glob(pattern) if re.search(r"/%s\.\d+/bin" % re.escape(version), p))
    if not found:
        sys.exit("no interpreter for Python %s; pass --python %s=/path/to/python" % (version, version))
    return found[-1]


def main(argv):
    if argv[:1] == ["--emit"]:
        return emit()
    given = {}
    args = iter(argv)
    for arg in args:
        if arg == "--python":
            version, _, path = next(args).partition("=")
            given[version] = path
    codecs = {}
    for version in VERSIONS:
        interpreter = given.get(version) or find_pyenv(version)
        out = subprocess.run([interpreter, os.path.abspath(__file__), "--emit"],
                             check=True, capture_output=True, text=True).stdout
        # Newer versions overwrite: mac_centeuro was its own codec in 3.8 only.
        codecs.update(json.loads(out))
    header = (
        "Names a PEP 263 coding cookie may use (encodings module names and encodings.aliases keys, "
        "in encodings.normalize_encoding form) mapped to codecs.lookup(name).name, text encodings "
        "only; union over CPython %s-%s, the newest one's codec where they differ. Regenerate with `python3 scripts/gen-python-codecs.py` "
        "(needs CPython 3.8-3.13, e.g. pyenv)." % (VERSIONS[0], VERSIONS[-1])
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    target = os.path.join(root, "data", "python-codecs.json")
    with open(target, "w") as f:
        json.dump({"header": header, "codecs": dict(sorted(codecs.items()))}, f, indent=1)
        f.write("\n")
    print("wrote %s" % target)


if __name__ == "__main__":
    main(sys.argv[1:])
