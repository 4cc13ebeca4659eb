#!/usr/bin/env python3
"""Builds config/parameters.json from ../shared/standards/hj212-2017-codes.json.

Usage (from the repository root):  python3 tools/build_parameters.py [path/to/hj212-2017-codes.json]
The output is deterministic; rerun it when the standards file changes. See tools/README.md.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "standards" / "hj212-2017-codes.json"
OUTPUT = ROOT / "config" / "parameters.json"

# Unit spellings of the standards file -> the symbols the platform shows.
UNITS = {"ug/m3": "µg/m³", "mg/m3": "mg/m³", "mg/L": "mg/L", "degC": "°C", "%": "%", "kPa": "kPa",
         "m/s": "m/s", "degree": "°", "dimensionless": "", "uS/cm": "µS/cm", "NTU": "NTU",
         "count/L": "count/L", "dB(A)": "dB(A)"}

# Names the standards file gives in one language only (English abbreviation or Chinese missing).
# Chinese names are those of GB 3095-2012 Table 1, GB 3838-2002 Table 1 and GB 3096-2008 clause 3.
NAME_OVERRIDES = {
    "a34002": ("可吸入颗粒物", "PM10"),
    "a34004": ("细颗粒物", "PM2.5"),
    "a34001": ("总悬浮颗粒物", "TSP"),
    "w01001": ("pH值", "pH"),
    "w01017": ("五日生化需氧量", "BOD5"),
    "LA": ("A声级", "A-weighted sound level (instantaneous)"),  # GB 3096-2008 3.1 term
    "Leq": ("等效连续A声级", "equivalent continuous sound level"),  # GB 3096-2008 3.2 term
}

# Display decimals: a team convention (not from HJ 212). µg/m³ pollutants are integers and CO has one decimal as
# HJ 663-2013 reporting does (shared/standards/README.md rule 7); water items follow the digits CNEMC publishes.
DECIMALS = {"µg/m³": 0, "mg/m³": 1, "°C": 1, "%": 0, "kPa": 1, "m/s": 1, "°": 0, "": 2, "µS/cm": 1,
            "NTU": 1, "mg/L": 3, "count/L": 0, "dB(A)": 1}
DECIMAL_OVERRIDES = {"w01009": 2, "w01019": 2, "w01018": 1, "w01017": 1, "w21001": 2}

# HJ/T 212-2005 codes. Only mappings where the 2005 code table names the same substance with the same Chinese
# name. Sources: repository lingkejia/bocon-operation-app, src/lib/polcodeList05.js (2005 code table, polcode and
# polname) against src/lib/polcodeList17.js of the same repository (2017 codes, same polname); the pH, COD and
# suspended-solids rows are also mapped explicitly (name/org_name) in a second, independent public data-logger
# configuration table found by the same search. Air 02/03/04 are flue-gas (stack) codes of HJ/T 212-2005; they map
# to the same substance code of HJ 212-2017, whose codes serve stack and ambient alike.
HJ2005 = {
    "w01001": "001", "w01017": "010", "w01018": "011", "w20111": "020", "w20115": "022", "w20117": "024",
    "w20119": "026", "w20120": "027", "w20122": "029", "w20123": "030", "w20124": "031", "w20125": "032",
    "w20128": "035", "w21003": "060", "w21001": "065", "w22001": "080", "w21011": "101",
    "a21026": "02", "a21002": "03", "a21005": "04",
}
HJ2005_SOURCE = ("lingkejia/bocon-operation-app src/lib/polcodeList05.js and src/lib/polcodeList17.js "
                 "(commit 378d6a7), matched by identical Chinese name")

CO_AIR = "a21005"

# The two trophic-state items (地表水环境质量评价办法 附, TLI) the standards file does not list. Their codes are those of
# one public data-logger code table only (a C# constants class: 叶绿素a w01016, 透明度 w01004), not the HJ 212-2017 text:
# marked unconfirmed. Units are those the TLI formula takes (chlorophyll a in mg/m³ = µg/L, transparency in m).
TROPHIC_EXTRAS = [
    ("w01016", "叶绿素a", "chlorophyll a", "µg/L", 1),
    ("w01004", "透明度", "transparency (SD)", "m", 2),
]
TROPHIC_CONFIDENCE = "unconfirmed: code from one public data-logger code table, not the HJ 212-2017 text"


def split_name(name):
    """'SO2 二氧化硫' -> ('二氧化硫', 'SO2'); 'air temperature 温度' -> ('温度', 'air temperature')."""
    parts = name.split(" ")
    zh = [p for p in parts if any(ord(c) > 127 for c in p)]
    en = [p for p in parts if not any(ord(c) > 127 for c in p)]
    return " ".join(zh), " ".join(en)


def entry(code, name, unit, medium, confidence=None):
    zh, en = NAME_OVERRIDES.get(code) or split_name(name)
    if not zh:
        zh = en
    symbol = UNITS[unit]
    result = {"code": code, "nameZh": zh, "nameEn": en, "unit": symbol,
              "decimals": DECIMAL_OVERRIDES.get(code, DECIMALS[symbol]), "medium": medium}
    if code in HJ2005:
        result["hj2005Code"] = HJ2005[code]
    if confidence:
        result["confidence"] = confidence
    return result


def main():
    src = json.loads(SOURCE.read_text(encoding="utf-8"))
    params = []
    for item in src["air"]:
        unit = item["unit_ambient_practice"]
        medium = "meteorology" if item["code"].startswith("a01") else "air"
        params.append(entry(item["code"], item["name"], unit, medium))
    for item in src["water"]:
        params.append(entry(item["code"], item["name"], item["unit"], "water"))
    for code, zh, en, unit, decimals in TROPHIC_EXTRAS:
        params.append({"code": code, "nameZh": zh, "nameEn": en, "unit": unit, "decimals": decimals, "medium": "water",
                       "confidence": TROPHIC_CONFIDENCE})
    for item in src["noise"]:
        if "/" in item["code"] or "," in item["code"]:
            continue  # a list of codes marked unconfirmed in the source; not a code
        params.append(entry(item["code"], item["name"], item["unit"], "noise", item["confidence"]))
    flags = {k: v for k, v in src["data_flags"].items() if k != "confidence"}
    doc = {
        "source": src["standard"] + " — via shared/standards/hj212-2017-codes.json",
        "generatedBy": "tools/build_parameters.py",
        "unitNote": ("Ambient units as practised (µg/m³ for PM and gases, CO mg/m³), not the stack-oriented mg/m³ "
                     "of the code table; see air_confidence in the source."),
        "airConfidence": src["air_confidence"],
        "waterConfidence": src["water_confidence"],
        "hj2005Source": HJ2005_SOURCE,
        "dataFlags": {"confidence": src["data_flags"]["confidence"], "flags": flags},
        "parameters": params,
    }
    assert len({p["code"] for p in params}) == len(params), "duplicate code"
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(params)} parameters, {sum('hj2005Code' in p for p in params)} HJ/T 212-2005 mappings")


if __name__ == "__main__":
    main()
