// Builds src/EcoMonitor.Web/wwwroot/geo/regions.json: region code (2-digit province, 4-digit prefecture, 6-digit
// county) -> [Chinese name, English name], from shared/data/geo/gary_china_geojson (GaryChangCN/china-geojson@8738e9d).
// Only names are kept (no geometry). Chongqing's districts and counties have no prefecture feature in the source, so
// 5001 and 5002 (the codes its stations use) are added as 重庆市.
// English: Hanyu Pinyin of the proper name (pinyin-pro, with its word list for polyphonic characters; apostrophe
// before a syllable starting with a, o or e: Xi'an) + the English word of the administrative suffix (区 District,
// 县 County, 地区 Prefecture, 盟 League, 自治州 Autonomous Prefecture with the peoples named); a city (市) is its name
// alone. Conventional English names (Inner Mongolia, Tibet, Hong Kong, Harbin, Hohhot, Urumqi, …) are in CONVENTIONAL.
// Usage (from this folder): npm ci && node build.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = join(root, '..', 'shared', 'data', 'geo', 'gary_china_geojson');
const target = join(root, 'src', 'EcoMonitor.Web', 'wwwroot', 'geo', 'regions.json');

const CONVENTIONAL = {
  内蒙古自治区: 'Inner Mongolia', 西藏自治区: 'Tibet (Xizang)', 新疆维吾尔自治区: 'Xinjiang', 广西壮族自治区: 'Guangxi',
  宁夏回族自治区: 'Ningxia', 陕西省: 'Shaanxi', 香港: 'Hong Kong', 澳门: 'Macao', 台湾: 'Taiwan',
  哈尔滨市: 'Harbin', 呼和浩特市: 'Hohhot', 乌鲁木齐市: 'Urumqi', 拉萨市: 'Lhasa', 日喀则市: 'Shigatse', 喀什地区: 'Kashgar Prefecture',
  香港特别行政区: 'Hong Kong', 澳门特别行政区: 'Macao', 台湾省: 'Taiwan', 闵行区: 'Minhang District', 单县: 'Shan County',
  鄂尔多斯市: 'Ordos', 呼伦贝尔市: 'Hulunbuir', 巴彦淖尔市: 'Bayannur', 乌兰察布市: 'Ulanqab', 兴安盟: 'Hinggan League',
  锡林郭勒盟: 'Xilingol League', 阿拉善盟: 'Alxa League', 齐齐哈尔市: 'Qiqihar', 大兴安岭地区: 'Da Hinggan Ling Prefecture',
  克拉玛依市: 'Karamay', 吐鲁番市: 'Turpan', 哈密市: 'Kumul (Hami)', 阿克苏地区: 'Aksu Prefecture', 和田地区: 'Hotan Prefecture',
  博尔塔拉蒙古自治州: 'Bortala Mongol Autonomous Prefecture', 巴音郭楞蒙古自治州: 'Bayingolin Mongol Autonomous Prefecture',
  克孜勒苏柯尔克孜自治州: 'Kizilsu Kirgiz Autonomous Prefecture', 伊犁哈萨克自治州: 'Ili Kazakh Autonomous Prefecture',
  昌都市: 'Qamdo', 林芝市: 'Nyingchi', 那曲地区: 'Nagqu Prefecture', 阿里地区: 'Ngari Prefecture',
  阿坝藏族羌族自治州: 'Ngawa Tibetan and Qiang Autonomous Prefecture', 甘孜藏族自治州: 'Garzê Tibetan Autonomous Prefecture',
  果洛藏族自治州: 'Golog Tibetan Autonomous Prefecture',
};

// 民族 (peoples) in the names of autonomous prefectures and counties.
const PEOPLES = {
  藏族: 'Tibetan', 羌族: 'Qiang', 彝族: 'Yi', 苗族: 'Miao', 侗族: 'Dong', 布依族: 'Bouyei', 朝鲜族: 'Korean', 土家族: 'Tujia',
  蒙古族: 'Mongol', 蒙古: 'Mongol', 回族: 'Hui', 哈尼族: 'Hani', 傣族: 'Dai', 壮族: 'Zhuang', 白族: 'Bai', 景颇族: 'Jingpo',
  傈僳族: 'Lisu', 哈萨克: 'Kazakh', 柯尔克孜: 'Kirgiz', 仡佬族: 'Gelao', 水族: 'Shui', 瑶族: 'Yao', 畲族: 'She', 满族: 'Manchu',
  土族: 'Tu', 撒拉族: 'Salar', 东乡族: 'Dongxiang', 保安族: 'Bonan', 纳西族: 'Naxi', 拉祜族: 'Lahu', 佤族: 'Va', 普米族: 'Pumi',
  怒族: 'Nu', 独龙族: 'Derung', 裕固族: 'Yugur', 锡伯族: 'Xibe', 达斡尔族: 'Daur', 鄂温克族: 'Evenki', 鄂伦春族: 'Oroqen',
  仫佬族: 'Mulao', 毛南族: 'Maonan', 黎族: 'Li', 各族: 'Multi-ethnic',
};

// Characters read one way in place names whatever the word list says (成都 Chengdu, 新都 Xindu, 三都 Sandu).
const PLACE_READINGS = { 都: 'du' };

// Suffix -> English word, longest first; '' = the name alone.
const SUFFIXES = [
  ['自治州', 'Autonomous Prefecture'], ['自治县', 'Autonomous County'], ['自治旗', 'Autonomous Banner'], ['特别行政区', ''],
  ['自治区', ''], ['地区', 'Prefecture'], ['林区', 'Forest District'], ['新区', 'New Area'], ['省', ''], ['市', ''], ['盟', 'League'],
  ['旗', 'Banner'], ['区', 'District'], ['县', 'County'],
];

function romanize(chinese) {
  return romanizeSyllables(pinyin(chinese, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s, i) => PLACE_READINGS[[...chinese][i]] ?? s));
}

function english(name) {
  if (CONVENTIONAL[name]) { return CONVENTIONAL[name]; }
  for (const [suffix, word] of SUFFIXES) {
    if (!name.endsWith(suffix) || name.length === suffix.length) { continue; }
    let stem = name.slice(0, -suffix.length);
    const peoples = [];
    if (suffix.startsWith('自治')) {
      for (let found = true; found;) {
        found = false;
        for (const [people, en] of Object.entries(PEOPLES).sort((a, b) => b[0].length - a[0].length)) {
          if (stem.endsWith(people) && stem.length > people.length) { peoples.unshift(en); stem = stem.slice(0, -people.length); found = true; break; }
        }
      }
    }
    // Romanize in context (the suffix helps the word list pick the reading), then keep the stem's syllables.
    const all = pinyin(name, { toneType: 'none', type: 'array' });
    const stemSyllables = all.slice(0, [...stem].length).map((s, i) => PLACE_READINGS[[...stem][i]] ?? s);
    const proper = romanizeSyllables(stemSyllables);
    return [proper, peoples.length ? peoples.join(' and ') : '', word].filter(Boolean).join(' ');
  }
  return romanize(name);
}

function romanizeSyllables(syllables) {
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? "'" + s : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const names = {};
const add = (id, name) => { names[String(id)] = [name, english(name)]; };
for (const feature of JSON.parse(readFileSync(join(source, 'china_provinces.json'), 'utf8')).features) {
  add(feature.properties.id, feature.properties.name);
}
for (const file of readdirSync(join(source, 'province_cities')).filter(f => f.endsWith('.json')).sort()) {
  for (const feature of JSON.parse(readFileSync(join(source, 'province_cities', file), 'utf8')).features) {
    add(feature.properties.id, feature.properties.name);
  }
}
names['5001'] ??= ['重庆市', 'Chongqing'];
names['5002'] ??= ['重庆市', 'Chongqing'];
const sorted = Object.fromEntries(Object.keys(names).sort().map(k => [k, names[k]]));
writeFileSync(target, JSON.stringify(sorted));
console.log(`${Object.keys(sorted).length} names -> ${target}`);
