// Corruption test for tools/validate.mjs: damaged copies of the corpus (in a temporary folder) must all be reported.
// Run: node tools/corrupt.mjs (exits 1 if any damage goes unreported).
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'santa-rita-corrupt-'));
const msgs = fs.readFileSync(`${SRC}/corpus.jsonl`, 'utf8').trim().split('\n').map(JSON.parse);
const csv = fs.readFileSync(`${SRC}/addresses.csv`, 'utf8').trim().split('\n').slice(1).map((l) => {
  const f = l.split(','); return { lon: +f[0], lat: +f[1], number: f[2], street: f[3], unit: f[4] };
});
let missed = 0;
let s = 99; const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
function run(name, mutate) {
  const copy = structuredClone(msgs);
  const touched = mutate(copy);
  const dir = path.join(WORK, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['addresses.csv', 'intake.yaml']) fs.copyFileSync(`${SRC}/${f}`, `${dir}/${f}`);
  fs.writeFileSync(`${dir}/corpus.jsonl`, copy.map((m) => JSON.stringify(m)).join('\n') + '\n');
  let out = '';
  try { out = execFileSync('node', [`${SRC}/tools/validate.mjs`, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }); } catch (e) { out = e.stdout + e.stderr; }
  const groupOf = (id) => msgs.find((m) => m.id === id).dedupe_group;
  const caught = touched.filter((id) => out.includes(`ERROR ${id}:`) || (groupOf(id) && out.includes(`ERROR ${groupOf(id)}: mixed services`)) || new RegExp(`ERROR dg-\\d+: ${id} `).test(out) || new RegExp(`ERROR \\S+: same service as ${id}`).test(out));
  missed += touched.length - caught.length;
  console.log(`${name}: ${caught.length}/${touched.length} caught${caught.length < touched.length ? ' — missed ' + touched.filter((t) => !caught.includes(t)).join(', ') : ''}`);
}
// 1. An address label moved to the same number on its type twin (First Street <-> First Avenue, Mesa Verde Court <-> Trail ...), with that row's point.
const twin = (st) => { const m = st.match(/^(.+) (Street|Avenue|Court|Trail|Drive|Loop)$/); if (!m) return null; return csv.map((r) => r.street).find((n) => n !== st && n.startsWith(m[1] + ' ')); };
run('type-twin', (c) => c.filter((m) => m.expected.precision === 'address').flatMap((m) => {
  const [num, ...rest] = m.expected.address.split(' '); const t = twin(rest.join(' '));
  const row = t && csv.find((r) => r.street === t && r.number === num && !r.unit);
  if (!row) return [];
  Object.assign(m.expected, { address: `${num} ${t}`, lat: row.lat, long: row.lon }); return [m.id];
}));
// 1b. A street label moved to its type twin, with the twin's own central point (only the written type tells them apart).
run('type-twin-street', (c) => {
  const centre = Object.fromEntries(msgs.filter((m) => m.expected.precision === 'street' && !/block|cuadra/.test(m.text)).map((m) => [m.expected.address, m.expected]));
  return c.filter((m) => m.expected.precision === 'street' && !/block|cuadra/.test(m.text)).flatMap((m) => {
    const t = twin(m.expected.address);
    if (!t || !centre[t]) return [];
    Object.assign(m.expected, { address: t, lat: centre[t].lat, long: centre[t].long }); return [m.id];
  });
});
// 2. Whole labels swapped between pairs of located messages.
run('swap-labels', (c) => {
  const located = c.filter((m) => m.expected.lat !== null && !m.dedupe_group);
  const ids = [];
  for (let i = 0; i < 10; i++) {
    const a = located[Math.floor(rnd() * located.length)], b = located[Math.floor(rnd() * located.length)];
    if (a === b || ids.includes(a.id) || ids.includes(b.id)) continue;
    const keep = ['service_code', 'intent'];
    const ea = { ...a.expected }, eb = { ...b.expected };
    a.expected = { ...eb, ...Object.fromEntries(keep.map((k) => [k, ea[k]])) }; b.expected = { ...ea, ...Object.fromEntries(keep.map((k) => [k, eb[k]])) };
    ids.push(a.id, b.id);
  }
  return ids;
});
// 3. Address points moved to the neighbouring row of the same street (label text kept).
run('address-point', (c) => c.filter((m) => m.expected.precision === 'address').slice(0, 15).map((m) => {
  const st = m.expected.address.replace(/^\S+ /, ''); const other = csv.find((r) => r.street === st && `${r.number} ${st}` !== m.expected.address);
  Object.assign(m.expected, { lat: other.lat, long: other.lon }); return m.id;
}));
// 4. Intersection points shifted 20 m north; 5. street labels moved to another street's central point.
run('intersection-shift', (c) => c.filter((m) => m.expected.precision === 'intersection').slice(0, 15).map((m) => { m.expected.lat += 20 / 111320; return m.id; }));
run('street-swap', (c) => { const st = c.filter((m) => m.expected.precision === 'street'); return st.slice(0, 10).map((m, i) => { const o = st[(i + 3) % st.length]; m.expected.address = o.expected.address; m.expected.lat = o.expected.lat; m.expected.long = o.expected.long; return m.id; }).filter((id, i) => st[i].expected.address !== msgs.find((x) => x.id === id).expected.address); });
// 6. Coordinates off the printed pin by ~30 m; 7. a dedupe group member given another service; 8. a group member dropped from its group.
run('coordinate-shift', (c) => c.filter((m) => m.expected.precision === 'coordinates').slice(0, 15).map((m) => { m.expected.lat = +(m.expected.lat + 0.0003).toFixed(6); return m.id; }));
run('group-service', (c) => [...new Set(c.filter((m) => m.dedupe_group).map((m) => m.dedupe_group))].slice(0, 8).map((g) => { const m = c.find((x) => x.dedupe_group === g); m.expected.service_code = m.expected.service_code === 'CE-NOISE' ? 'ST-LIGHT' : 'CE-NOISE'; return m.id; }));
run('ungroup', (c) => [...new Set(c.filter((m) => m.dedupe_group).map((m) => m.dedupe_group))].slice(0, 8).map((g) => { const m = c.filter((x) => x.dedupe_group === g)[1]; m.dedupe_group = null; return m.id; }));
fs.rmSync(WORK, { recursive: true });
process.exit(missed ? 1 : 0);
