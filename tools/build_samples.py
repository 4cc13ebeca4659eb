#!/usr/bin/env python3
"""Builds the shipped sample network and sample history from ../shared/data (see samples/README.md).

Usage (from the repository root):  python3 tools/build_samples.py [path/to/shared/data]
Writes samples/network/stations.json, samples/history/cnemc-2019-12-18_31.csv.gz,
samples/history/water-2026-02-04.csv and the constructed demonstration outlet (not real data: its station in
stations.json, samples/network/permit-limits.json, samples/history/demo-outlet-2019-12-18.csv). Deterministic output
(gzip without a timestamp), so rerunning it on the same inputs changes nothing.
"""
import csv
import gzip
import io
import json
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
HOURLY = DATA / "air_quality" / "cnemc_sites_hourly_2019_sichuan_chongqing_guizhou_jilin.csv.gz"
STATION_LIST = DATA / "air_quality" / "cnemc_station_list_2026_stations.csv"
WATER = DATA / "water_quality" / "cnemc_surface_water_auto_snapshot_2026-02-04.csv"
GEO = DATA / "geo" / "gary_china_geojson"
PROVINCES = {"四川省": "51", "重庆市": "50", "贵州省": "52", "吉林省": "22"}
# Sample passwords: 8 characters a logger can send (HJ 212-2017 PW: at most 9), one per station, reproducible from the MN
# and this seed so that rerunning the script changes nothing. Public like the rest of the repository: never a real station's.
PASSWORD_SEED = "ecomonitor-sample-network-2026"
PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"


def sample_password(mn):
    rng = random.Random(f"{PASSWORD_SEED}:{mn}")
    return "".join(rng.choice(PASSWORD_ALPHABET) for _ in range(8))
WATER_PER_PROVINCE = 5
HISTORY_FIRST, HISTORY_LAST = "20191218", "20191231"


def rings(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def inside_ring(x, y, ring):
    hit = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def inside(x, y, geometry):
    for polygon in rings(geometry):
        if inside_ring(x, y, polygon[0]) and not any(inside_ring(x, y, hole) for hole in polygon[1:]):
            return True
    return False


def load_counties():
    counties = []
    for path in sorted((GEO / "city_counties").glob("*.json")):
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            counties.append((str(feature["properties"]["id"]), feature["geometry"]))
    return counties


def load_prefectures():
    names = {}
    for prefix in PROVINCES.values():
        for feature in json.loads((GEO / "province_cities" / f"{prefix}.json").read_text(encoding="utf-8"))["features"]:
            code = str(feature["properties"]["id"])
            names[feature["properties"]["name"]] = code.ljust(6, "0") if len(code) == 4 else code
    return names


def county_of(lon, lat, prefix, counties):
    hits = [code for code, geometry in counties if code.startswith(prefix) and inside(lon, lat, geometry)]
    return hits[0] if len(hits) == 1 else None


def coordinate(text):
    text = (text or "").strip()
    if text in ("", "-"):
        return None
    return float(text)


def hourly_columns():
    with gzip.open(HOURLY, "rt", encoding="utf-8") as f:
        return next(csv.reader(f))[3:]


def air_stations(counties, prefectures, stats):
    wanted = set(hourly_columns())
    stations = []
    with open(STATION_LIST, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["监测点编码"].strip()
            if code not in wanted:
                continue
            province = PROVINCES[row["省级行政区"]]
            lon, lat = coordinate(row["经度"]), coordinate(row["纬度"])
            region = county_of(lon, lat, province, counties) if lon is not None and lat is not None else None
            if region is None:
                region = prefectures.get(row["地级行政区"]) or (province + "0000")
                stats["prefectureFallback"] += 1
            station = {"mn": code, "name": row["监测点名称"].strip(), "type": "airQuality", "region": region}
            if lon is not None and lat is not None:
                station["longitude"], station["latitude"] = lon, lat
            station.update({"controlLevel": "national", "networks": ["national"], "password": sample_password(code), "encoding": "utf-8",
                            "periodLabel": "periodStart", "active": True})
            stations.append(station)
    missing = wanted - {s["mn"] for s in stations}
    assert not missing, f"stations without a row in the list: {sorted(missing)}"
    return sorted(stations, key=lambda s: s["mn"])


# Sections that sample a lake or a reservoir (GB 3838-2002 evaluates them with the lake TP limits): 红枫湖 (贵铝泵房,
# 花鱼洞) and 新立城水库 (新立城大坝). The snapshot does not say; the 红枫湖 pair is confirmed by the published classes
# (docs/standards.md, water snapshot check).
WATER_BODIES = {"贵铝泵房": "lake", "花鱼洞": "lake", "新立城大坝": "reservoir"}
# Their water bodies by name (the sections' own names say it: 新立城大坝 is the dam of 新立城水库). River sections get no
# name: the snapshot names the section and the basin, not the river.
WATER_BODY_NAMES = {"贵铝泵房": "红枫湖", "花鱼洞": "红枫湖", "新立城大坝": "新立城水库"}


def water_stations():
    taken = {code: 0 for code in PROVINCES.values()}
    stations = []
    with open(WATER, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            prefix = PROVINCES.get(row["province"])
            if prefix is None or taken[prefix] >= WATER_PER_PROVINCE or row["water_class"] == "--":
                continue
            taken[prefix] += 1
            mn = f"SW{prefix}{taken[prefix]:02d}"
            station = {
                "mn": mn,
                "name": row["section"].strip(),
                "type": "surfaceWater",
                "waterBody": WATER_BODIES.get(row["section"].strip(), "river"),
                "basin": row["basin"].strip(),
            }
            if row["section"].strip() in WATER_BODY_NAMES:
                station["waterBodyName"] = WATER_BODY_NAMES[row["section"].strip()]
            station.update({
                "region": prefix + "0000",
                "controlLevel": "national",
                "networks": ["national"],
                "password": sample_password(mn),
                "encoding": "utf-8",
                "periodLabel": "periodStart",
                "active": True,
            })
            stations.append(station)
    return stations


# Snapshot columns → HJ 212-2017 codes (config/parameters.json); chlorophyll a and algae density have no code there.
WATER_PARAMETERS = {"water_temp_C": "w01010", "pH": "w01001", "DO_mg_L": "w01009", "conductivity_uS_cm": "w01014",
                    "turbidity_NTU": "w01003", "CODMn_mg_L": "w01019", "NH3N_mg_L": "w21003", "TP_mg_L": "w21011",
                    "TN_mg_L": "w21001"}


def write_water_history(water):
    """The snapshot's values of the sample sections, as long CSV (docs/import.md), one hour each."""
    by_name = {s["name"]: s["mn"] for s in water}
    out = ROOT / "samples" / "history" / "water-2026-02-04.csv"
    rows = 0
    with open(WATER, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8", newline="") as o:
        o.write("station,parameter,interval,period_start,value\n")
        for row in csv.DictReader(f):
            mn = by_name.get(row["section"].strip())
            if mn is None or PROVINCES.get(row["province"]) != mn[2:4]:
                continue
            month_day, hour = row["monitor_time_MM-DD_HH:mm"].split(" ")
            for column, code in WATER_PARAMETERS.items():
                if row[column] not in ("--", ""):
                    o.write(f"{mn},{code},hour,2026-{month_day} {hour},{row[column]}\n")
                    rows += 1
    print(f"wrote {out.relative_to(ROOT)}: {rows} values")


# The demonstration outlet: CONSTRUCTED, NOT REAL DATA. The team's data hold no pollution-source outlet, so the sample
# network would raise no alarm; this one outlet, its permit limits and one day of hourly values were made up (values
# typed in below, shaped like an ultra-low-emission coal boiler with a desulphurisation upset around midday) so that the
# alarm examples of the README show the real path: import → one write path → alarm engine. Limits in mg/m³ (the
# outlet's unit, config/quality-rules.json stationTypes.flueGasOutlet): SO2 35, NOx 50 (the ultra-low-emission levels).
DEMO_MN = "DEMOFG0001"
DEMO_DAY = "2019-12-18"
# Hourly means by period start 00:00 … 23:00 CST; no two neighbours equal (a stuck analyser is another rule).
DEMO_SO2 = [21.4, 19.8, 18.6, 17.9, 18.3, 20.1, 23.7, 26.2, 29.8, 33.1, 38.6, 44.2,
            47.9, 41.3, 36.8, 31.2, 27.5, 24.9, 23.1, 22.4, 21.7, 20.6, 19.9, 19.2]
DEMO_NOX = [34.2, 33.5, 32.8, 31.9, 32.4, 33.7, 35.9, 38.1, 40.6, 43.2, 46.8, 49.1,
            56.3, 51.2, 45.7, 42.3, 39.8, 37.6, 36.2, 35.4, 34.9, 34.1, 33.6, 33.0]


def demonstration_station():
    return {
        "mn": DEMO_MN,
        "name": "演示电厂1号烟气排口（构造数据）",
        "type": "flueGasOutlet",
        "region": "510100",
        "controlLevel": "city",
        "networks": [],
        "enterprise": "演示电厂（构造的演示企业，非真实）",
        "password": sample_password(DEMO_MN),
        "encoding": "utf-8",
        "periodLabel": "periodStart",
        "active": True,
    }


def write_demonstration():
    limits = {
        "description": ("CONSTRUCTED demonstration data, not real: the permit limits of the demonstration outlet "
                        "DEMOFG0001 (samples/README.md). mg/m³. Generated by tools/build_samples.py."),
        "permitLimits": [
            {"station": DEMO_MN, "parameter": "a21026", "limit": 35, "permitNumber": "DEMO-0001（演示，非真实许可证）"},
            {"station": DEMO_MN, "parameter": "a21002", "limit": 50, "permitNumber": "DEMO-0001（演示，非真实许可证）"},
        ],
    }
    out = ROOT / "samples" / "network" / "permit-limits.json"
    out.write_text(json.dumps(limits, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    out = ROOT / "samples" / "history" / "demo-outlet-2019-12-18.csv"
    with open(out, "w", encoding="utf-8", newline="") as o:
        o.write("station,parameter,interval,period_start,value\n")
        for hour in range(24):
            o.write(f"{DEMO_MN},a21026,hour,{DEMO_DAY} {hour:02d}:00,{DEMO_SO2[hour]}\n")
            o.write(f"{DEMO_MN},a21002,hour,{DEMO_DAY} {hour:02d}:00,{DEMO_NOX[hour]}\n")
    print(f"wrote {out.relative_to(ROOT)}: 48 constructed values")


def write_network():
    stats = {"prefectureFallback": 0}
    air = air_stations(load_counties(), load_prefectures(), stats)
    water = water_stations()
    doc = {
        "description": ("EcoMonitor sample network: 199 CNEMC national air stations of 四川/重庆/贵州/吉林 that report "
                        "in the 2019 sample history, 20 national automatic surface-water sections, and one CONSTRUCTED "
                        "demonstration outlet (DEMOFG0001, not real). Passwords are sample values. Generated by "
                        "tools/build_samples.py; provenance in samples/README.md."),
        "stations": air + water + [demonstration_station()],
    }
    out = ROOT / "samples" / "network" / "stations.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}: {len(air)} air, {len(water)} water, "
          f"{stats['prefectureFallback']} air stations placed by prefecture name")
    write_water_history(water)
    write_demonstration()


def write_history():
    out = ROOT / "samples" / "history" / "cnemc-2019-12-18_31.csv.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = 0
    buffer = io.BytesIO()
    with gzip.open(HOURLY, "rb") as source:
        header = source.readline()
        buffer.write(header)
        for line in source:
            date = line[:8].decode("ascii")
            if HISTORY_FIRST <= date <= HISTORY_LAST:
                buffer.write(line)
                kept += 1
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buffer.getvalue())
    print(f"wrote {out.relative_to(ROOT)}: {kept} data rows, {out.stat().st_size} bytes")


if __name__ == "__main__":
    write_network()
    write_history()
