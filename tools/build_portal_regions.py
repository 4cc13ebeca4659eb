#!/usr/bin/env python3
"""Builds src/EcoMonitor.Web/wwwroot/geo/regions.json: region code (2-digit province, 4-digit prefecture, 6-digit
county of Chongqing) -> Chinese name, from shared/data/geo/gary_china_geojson (GaryChangCN/china-geojson@8738e9d).
Only names are kept (no geometry). Chongqing's districts and counties have no prefecture feature in the source, so
5001 and 5002 (the codes its stations use) are added as 重庆市. Usage: python3 tools/build_portal_regions.py"""
import glob
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "..", "shared", "data", "geo", "gary_china_geojson")
TARGET = os.path.join(ROOT, "src", "EcoMonitor.Web", "wwwroot", "geo", "regions.json")

names = {}
for feature in json.load(open(os.path.join(SOURCE, "china_provinces.json"), encoding="utf-8"))["features"]:
    names[str(feature["properties"]["id"])] = feature["properties"]["name"]
for path in sorted(glob.glob(os.path.join(SOURCE, "province_cities", "*.json"))):
    for feature in json.load(open(path, encoding="utf-8"))["features"]:
        names[str(feature["properties"]["id"])] = feature["properties"]["name"]
names.setdefault("5001", "重庆市")
names.setdefault("5002", "重庆市")
with open(TARGET, "w", encoding="utf-8") as out:
    json.dump(names, out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
print(f"{len(names)} names -> {TARGET}")
