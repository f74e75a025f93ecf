#!/usr/bin/env python3
"""Refresh the LwM2M registry's data (content/data/lwm2m-registry/) from a clone of the registry.

Usage: python3 scripts/refresh-lwm2m-registry.py REGISTRY_CLONE [--out DIR]

REGISTRY_CLONE is a checkout of the OMNA LwM2M Registry (`git clone
https://github.com/OpenMobileAlliance/lwm2m-registry`, branch `prod`). The script keeps only the
object files that carry their own open licence in their first comment (BSD 3-clause, Apache 2.0
or MIT), each copied byte for byte with that comment: the current definitions (`ID.xml` at the
clone's top) into `objects/`, the version history into `version_history/`, and the XML
Schemas into `schema/`. It writes `LICENCES.tsv` (each kept file and its licence) and
regenerates `index.tsv` from the registry's `DDF.xml` (one row per registered object version).
Files without a licence are left out and listed on standard error; `index.tsv` still lists
their objects, whose pages then say that the definition is not included. The README of the data
folder is kept as it is: update its counts and commit by hand when they change.

The output folder (default: the repository's content/data/lwm2m-registry) is replaced whole,
but for README.md, so that objects removed from the registry go too.
"""

import argparse
import pathlib
import re
import shutil
import sys
import xml.etree.ElementTree as ET

REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPOSITORY / "content" / "data" / "lwm2m-registry"

# What the first comment of a file must say for each licence (checked in this order).
LICENCES = [
    ("Apache-2.0", re.compile(r"Apache License\s*,?\s*Version 2\.0", re.I)),
    ("MIT", re.compile(r"Permission is hereby granted, free of charge", re.I)),
    # As the registry labels them: a few files leave out the third clause.
    ("BSD-3-Clause", re.compile(r"Redistribution and use in source and binary forms", re.I)),
]

INDEX_COLUMNS = ["ObjectID", "URN", "Name", "Owner", "Source", "Ver", "DDF", "DDFLink", "TS", "TSLink"]

CURRENT = re.compile(r"^\d+\.xml$")
HISTORY = re.compile(r"^\d+-\d+_\d+\.xml$")


def licence_of(path):
    """The SPDX identifier of the licence the file's first comment carries, or None."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    comment = re.search(r"<!--(.*?)-->", text, re.S)
    if not comment:
        return None
    for name, pattern in LICENCES:
        if pattern.search(comment.group(1)):
            return name
    return None


def cell(text):
    """A TSV cell: tabs and line breaks would break the row."""
    return " ".join((text or "").split())


def index_rows(ddf):
    root = ET.parse(ddf).getroot()
    rows = []
    for item in root.iter("Item"):
        rows.append([cell(item.findtext(column)) for column in INDEX_COLUMNS])
    rows.sort(key=lambda row: (int(row[0]) if row[0].isdigit() else 1 << 30, version_key(row[5])))
    return rows


def version_key(version):
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clone", type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    clone, out = args.clone, args.out
    ddf = clone / "DDF.xml"
    if not ddf.is_file():
        sys.exit(f"{clone} has no DDF.xml: is it a clone of the LwM2M registry?")

    kept = []  # (relative path in the output, source path, licence)
    left_out = []
    for source in sorted(clone.glob("*.xml"), key=lambda p: p.name):
        if not CURRENT.match(source.name):
            continue
        licence = licence_of(source)
        if licence:
            kept.append((f"objects/{source.name}", source, licence))
        else:
            left_out.append(source.name)
    for source in sorted((clone / "version_history").glob("*.xml"), key=lambda p: p.name):
        if not HISTORY.match(source.name):
            continue
        licence = licence_of(source)
        if licence:
            kept.append((f"version_history/{source.name}", source, licence))
        else:
            left_out.append(f"version_history/{source.name}")
    schemas = [p for p in clone.rglob("*.xsd") if p.name in ("LWM2M.xsd", "LWM2M-v1_1.xsd")]

    readme = (out / "README.md").read_bytes() if (out / "README.md").is_file() else None
    if out.exists():
        shutil.rmtree(out)
    for folder in ("objects", "version_history", "schema"):
        (out / folder).mkdir(parents=True)
    if readme is not None:
        (out / "README.md").write_bytes(readme)
    for relative, source, _ in kept:
        shutil.copyfile(source, out / relative)
    for schema in sorted(schemas, key=lambda p: p.name):
        shutil.copyfile(schema, out / "schema" / schema.name)
    licensed_schemas = [
        (f"schema/{p.name}", p, licence_of(p)) for p in sorted(schemas, key=lambda p: p.name)
    ]

    with open(out / "LICENCES.tsv", "w", encoding="utf-8", newline="\n") as file:
        file.write("file\tlicence\n")
        # The object files by path, then the schemas.
        for relative, _, licence in sorted(kept, key=lambda k: k[0]):
            file.write(f"{relative}\t{licence}\n")
        for relative, _, licence in licensed_schemas:
            file.write(f"{relative}\t{licence or 'unknown'}\n")
    rows = index_rows(ddf)
    with open(out / "index.tsv", "w", encoding="utf-8", newline="\n") as file:
        file.write("\t".join(INDEX_COLUMNS) + "\n")
        for row in rows:
            file.write("\t".join(row) + "\n")

    counts = {}
    for _, _, licence in kept:
        counts[licence] = counts.get(licence, 0) + 1
    summary = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
    print(f"{len(kept)} files kept ({summary}), {len(rows)} index rows, into {out}")
    for name in left_out:
        print(f"left out, no licence: {name}", file=sys.stderr)


if __name__ == "__main__":
    main()
