#!/usr/bin/env python3
"""Run OpenCC's s2twp over every 繁體 string and list what it would still change.

Every zh-Hant string of content/questions/*.json, content/rubric.json, content/kits.json and
locales/zh-Hant.json goes through s2twp. A change that is only one of the choices listed as
deliberate in content/glossary.json ("s2twp_deliberate": 了解 not 瞭解, …) is counted apart;
anything else is printed, and the script exits 1.

    python3 -m venv /tmp/occ && /tmp/occ/bin/pip install opencc
    /tmp/occ/bin/python scripts/check-s2twp.py        # -v also lists the deliberate ones
"""

import glob
import json
import pathlib
import sys

import opencc

ROOT = pathlib.Path(__file__).resolve().parent.parent


def walk(value, path, inside):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, f"{path}.{k}", inside or k == "zh-Hant")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}[{i}]", inside)
    elif isinstance(value, str) and inside:
        yield path, value


def strings():
    files = sorted(glob.glob(str(ROOT / "content/questions/*.json")))
    files += [str(ROOT / "content/rubric.json"), str(ROOT / "content/kits.json")]
    for f in files:
        name = pathlib.Path(f).relative_to(ROOT)
        yield from walk(json.loads(pathlib.Path(f).read_text(encoding="utf-8")), str(name), False)
    locale = json.loads((ROOT / "locales/zh-Hant.json").read_text(encoding="utf-8"))
    yield from walk(locale, "locales/zh-Hant.json", True)


def main():
    glossary = json.loads((ROOT / "content/glossary.json").read_text(encoding="utf-8"))
    deliberate = glossary["zh-Hant"]["s2twp_deliberate"]
    cc = opencc.OpenCC("s2twp")
    total, explained, unexplained = 0, [], []
    for path, text in strings():
        total += 1
        converted = cc.convert(text)
        if converted == text:
            continue
        undone = converted
        for d in deliberate:
            undone = undone.replace(d["s2twp"], d["ours"])
        (explained if undone == text else unexplained).append((path, text, converted))
    print(f"{total} zh-Hant strings; s2twp changes {len(explained) + len(unexplained)}: "
          f"{len(explained)} only by deliberate choices, {len(unexplained)} otherwise")
    shown = unexplained + (explained if "-v" in sys.argv else [])
    for path, text, converted in shown:
        print(f"{path}\n  ours:  {text}\n  s2twp: {converted}")
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
