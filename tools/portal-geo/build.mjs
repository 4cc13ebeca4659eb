// Builds the portal's province boundaries (src/EcoMonitor.Web/wwwroot/geo/china.json) from the ECharts 4.9.0 demo map
// (shared/data/geo/echarts_4.9.0_encoded/china.json, Apache-2.0): decoded from ECharts' "UTF8Encoding", simplified
// (Douglas–Peucker, topology kept: a border shared by two provinces is simplified the same way for both, between fixed
// junctions, so no gaps or overlaps appear), and written again in ECharts' encoding on the source's grid of 1/1024°.
// Run:  node tools/portal-geo/build.mjs [source] [target] [toleranceDegrees]
// No dependencies. Tolerance 0.02° ≈ 2 km: under a pixel at the map's first view (≈ 0.03–0.1°/px) and about a pixel
// at 3× zoom; islets narrower than that keep their source outline.
import { readFileSync, writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
const source = process.argv[2] ?? `${here}../../../shared/data/geo/echarts_4.9.0_encoded/china.json`;
const target = process.argv[3] ?? `${here}../../src/EcoMonitor.Web/wwwroot/geo/china.json`;
const tolerance = Number(process.argv[4] ?? 0.02);

const geo = JSON.parse(readFileSync(source, 'utf8').replace(/^\uFEFF/, ''));

// ECharts' decoder (echarts/src/coord/geo/parseGeoJson.ts): zig-zag deltas in UTF-16 code units, scale 1024.
function decodeRing(text, offsets, scale) {
  const ring = [];
  let x = offsets[0], y = offsets[1];
  for (let i = 0; i < text.length; i += 2) {
    let dx = text.charCodeAt(i) - 64, dy = text.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx; y += dy;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function polygonsOf(feature) {
  const g = feature.geometry;
  const scale = geo.UTF8Scale ?? 1024;
  const decode = (rings, offsets) => rings.map((r, i) => (geo.UTF8Encoding ? decodeRing(r, offsets[i], scale) : r));
  return g.type === 'Polygon' ? [decode(g.coordinates, g.encodeOffsets)] : g.coordinates.map((p, i) => decode(p, g.encodeOffsets?.[i]));
}

const key = p => p[0] + ',' + p[1];
const features = geo.features.map(f => ({ feature: f, polygons: polygonsOf(f) }));

// Which rings pass through each vertex; a vertex is a fixed junction where that set changes along the ring.
const ringsAt = new Map();
let ringId = 0;
for (const f of features) {
  for (const polygon of f.polygons) {
    for (const ring of polygon) {
      const id = ringId++;
      for (const p of ring) {
        const k = key(p);
        if (!ringsAt.has(k)) { ringsAt.set(k, new Set()); }
        ringsAt.get(k).add(id);
      }
    }
  }
}
const signature = p => [...ringsAt.get(key(p))].sort((a, b) => a - b).join(' ');

function distanceToSegment(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

// Douglas–Peucker between two kept points; ties broken by coordinates so that a border walked in either direction
// (by its two provinces) keeps the same vertices.
function simplify(points, first, last, keep) {
  let worst = -1, index = -1;
  for (let i = first + 1; i < last; i++) {
    const d = distanceToSegment(points[i], points[first], points[last]);
    if (d > worst || (d === worst && key(points[i]) < key(points[index]))) { worst = d; index = i; }
  }
  if (index >= 0 && worst > tolerance) {
    keep[index] = true;
    simplify(points, first, index, keep);
    simplify(points, index, last, keep);
  }
}

let before = 0, after = 0, kept = 0;

function simplifyRing(ring) {
  const closed = key(ring[0]) === key(ring[ring.length - 1]);
  const open = closed ? ring.slice(0, -1) : ring.slice();
  const n = open.length;
  before += ring.length;
  const fixed = open.map((p, i) => {
    const s = signature(p);
    return s !== signature(open[(i + n - 1) % n]) || s !== signature(open[(i + 1) % n]);
  });
  if (!fixed.includes(true)) {
    // An island or a ring of its own: anchor it at its first point and the point farthest from it.
    let far = 0;
    open.forEach((p, i) => { if (Math.hypot(p[0] - open[0][0], p[1] - open[0][1]) > Math.hypot(open[far][0] - open[0][0], open[far][1] - open[0][1])) { far = i; } });
    fixed[0] = true;
    fixed[far] = true;
  }
  // Walk the ring from a fixed vertex, simplifying between consecutive fixed vertices.
  const start = fixed.indexOf(true);
  const walk = [...open.slice(start), ...open.slice(0, start), open[start]];
  const keep = [...fixed.slice(start), ...fixed.slice(0, start), true];
  let previous = 0;
  for (let i = 1; i < walk.length; i++) {
    if (keep[i]) { simplify(walk, previous, i, keep); previous = i; }
  }
  const out = [];
  walk.forEach((p, i) => {
    if (!keep[i]) { return; }
    if (!out.length || key(out[out.length - 1]) !== key(p)) { out.push(p); }
  });
  if (out.length < 4) { kept++; after += ring.length; return ring; } // an islet narrower than the tolerance: as it was
  after += out.length;
  return out;
}

// ECharts' encoding, the inverse of decodeRing: the ring's first point (in 1/1024°) as its offsets, then each point's
// zig-zag delta from the previous one plus 64, one UTF-16 code unit per coordinate.
function encodeRing(ring) {
  const scale = 1024;
  const ints = ring.map(p => [Math.round(p[0] * scale), Math.round(p[1] * scale)]);
  let x = ints[0][0], y = ints[0][1], text = '';
  for (const [px, py] of ints) {
    const dx = px - x, dy = py - y;
    text += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
    x = px; y = py;
  }
  return { text, offsets: ints[0] };
}

const result = {
  type: 'FeatureCollection',
  UTF8Encoding: true,
  features: features.map(({ feature, polygons }) => {
    const simplified = polygons.map(p => p.map(simplifyRing));
    const encoded = simplified.map(p => p.map(encodeRing));
    const single = encoded.length === 1;
    return {
      type: 'Feature',
      id: feature.id,
      properties: feature.properties,
      geometry: {
        type: single ? 'Polygon' : 'MultiPolygon',
        coordinates: single ? encoded[0].map(r => r.text) : encoded.map(p => p.map(r => r.text)),
        encodeOffsets: single ? encoded[0].map(r => r.offsets) : encoded.map(p => p.map(r => r.offsets)),
      },
    };
  }),
};

writeFileSync(target, JSON.stringify(result));
console.log(`${geo.features.length} provinces, ${before} → ${after} vertices (tolerance ${tolerance}°), ${kept} islets narrower than that kept as they were → ${target}`);
