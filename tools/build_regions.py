#!/usr/bin/env python3
"""Builds the GB/T 2260 region code list the registry validates against, from the team's shared geo data.

Usage (from the repository root):  python3 tools/build_regions.py [path/to/shared/data]
Writes src/EcoMonitor.Application/Registry/region-codes.json (embedded in EcoMonitor.Application):
every province (xx0000) and prefecture (xxxx00; for the municipalities 北京/天津/上海/重庆 their districts and
counties as listed, and xx0100/xx0200) of `geo/gary_china_geojson` (repository GaryChangCN/china-geojson, commit
8738e9d, 2019-05-04), and the counties of the prefectures whose county boundaries it ships (吉林, 重庆, 四川, 贵州).
Deterministic: rerunning it on the same input changes nothing.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
GEO = DATA / "geo" / "gary_china_geojson"
TARGET = ROOT / "src" / "EcoMonitor.Application" / "Registry" / "region-codes.json"
MUNICIPALITIES = {"11", "12", "31", "50"}


def features(path):
    with open(path, encoding="utf-8") as f:
        return [feature["properties"] for feature in json.load(f)["features"]]


def main():
    codes = {}
    for province in features(GEO / "china_provinces.json"):
        codes[f"{province['id']}0000"] = province["name"]
    for path in sorted((GEO / "province_cities").glob("*.json")):
        province = path.stem
        for city in features(path):
            code = str(city["id"])
            if len(code) == 4:
                codes[code + "00"] = city["name"]
            elif len(code) == 6:
                codes[code] = city["name"]
        if province in MUNICIPALITIES:
            codes.setdefault(province + "0100", "市辖区")
            codes.setdefault(province + "0200", "县")
    county_lists = []
    for path in sorted((GEO / "city_counties").glob("*.json")):
        county_lists.append(path.stem)
        for county in features(path):
            codes[str(county["id"])] = county["name"]
    document = {
        "source": "GB/T 2260 codes as in GaryChangCN/china-geojson@8738e9d (2019-05-04), via shared/data/geo/gary_china_geojson; built by tools/build_regions.py",
        "countyListsFor": sorted(county_lists),
        "codes": dict(sorted(codes.items())),
    }
    TARGET.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(codes)} codes, county lists for {len(county_lists)} prefectures")


if __name__ == "__main__":
    main()
