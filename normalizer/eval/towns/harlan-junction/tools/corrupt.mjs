// Corruption test: writes damaged copies of the corpus to a temporary folder and checks that tools/validate.mjs
// reports every damaged label. Node 20 standard library only. Usage: node tools/corrupt.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url)), DIR = path.join(HERE, '..');
const base = fs.readFileSync(path.join(DIR, 'corpus.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const csv = fs.readFileSync(path.join(DIR, 'addresses.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const rowOf = (num, street) => csv.find((r) => r[2] === num && r[3] === street);
const TWINS = { 'Oak Street': 'Oak Avenue', 'Oak Avenue': 'Oak Street', 'Church Street': 'Church Lane', 'Main Street': 'North Main Street', 'North Main Street': 'South Main Street', 'South Main Street': 'Main Street', 'Mill Road': 'Mill Creek Road', 'Mill Creek Road': 'Mill Road', 'Old Oak Road': 'Oak Street', 'Mount Pleasant Road': 'Pleasant Ridge Drive' };

function run(name, damage) {
  const copy = structuredClone(base);
  const hit = damage(copy); // ids (or group ids) that must be reported
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-corrupt-'));
  for (const f of ['addresses.csv', 'intake.yaml']) fs.copyFileSync(path.join(DIR, f), path.join(tmp, f));
  fs.writeFileSync(path.join(tmp, 'corpus.jsonl'), copy.map((m) => JSON.stringify(m)).join('\n') + '\n');
  let out = '';
  try { execFileSync(process.execPath, [path.join(HERE, 'validate.mjs'), tmp], { encoding: 'utf8', stdio: 'pipe' }); } catch (e) { out = String(e.stderr) + String(e.stdout); }
  fs.rmSync(tmp, { recursive: true, force: true });
  const found = hit.filter((id) => out.includes(`${id}:`));
  console.log(`| ${name} | ${found.length} of ${hit.length} |`);
  return found.length === hit.length;
}
const ok = [];
console.log('| damage | reported |\n| --- | --- |');
ok.push(run('an address moved to the same number on a street that shares a word, with that row\'s point', (c) => {
  const ids = [];
  for (const m of c) {
    const e = m.expected; if (e.precision !== 'address') continue;
    const mm = e.address.match(/^(\S+) (.+)$/); const tw = TWINS[mm[2]]; if (!tw) continue;
    const r = rowOf(mm[1], tw); if (!r) continue;
    e.address = `${mm[1]} ${tw}`; e.lat = Number(r[1]); e.long = Number(r[0]); ids.push(m.id);
  }
  return ids;
}));
ok.push(run('place labels swapped between 10 pairs of address messages', (c) => {
  const a = c.filter((m) => m.expected.precision === 'address'), ids = [];
  for (let i = 0; i + 1 < a.length && ids.length < 20; i += 7) { const t = a[i].expected; a[i].expected = { ...a[i + 1].expected, service_code: t.service_code, intent: t.intent }; a[i + 1].expected = { ...t, service_code: a[i + 1].expected.service_code }; ids.push(a[i].id, a[i + 1].id); }
  return ids;
}));
ok.push(run('an intersection point moved 20 m north', (c) => c.filter((m) => m.expected.precision === 'intersection').slice(0, 15).map((m) => { m.expected.lat += 20 / 111320; return m.id; })));
ok.push(run('a street label swapped for another street (point kept)', (c) => c.filter((m) => m.expected.precision === 'street').slice(0, 10).map((m) => { m.expected.address = m.expected.address === 'Jackson Street' ? 'Poplar Street' : 'Jackson Street'; return m.id; })));
ok.push(run('a coordinates label moved 33 m east', (c) => c.filter((m) => m.expected.precision === 'coordinates').slice(0, 15).map((m) => { m.expected.long += 33 / 90000; return m.id; })));
ok.push(run('the writer\'s own address (e-mail signature) used as the label', (c) => {
  const ids = [];
  for (const m of c) {
    if (m.channel !== 'email' || m.expected.precision !== 'address' || /my house|mi casa/.test(m.text)) continue;
    const s = m.text.match(/\n(\d+[A-Z]?) ([^\n]+)\nHarlan Junction, TN/); if (!s) continue;
    const street = s[2].replace(/ St$/, ' Street').replace(/ Rd$/, ' Road');
    const r = rowOf(s[1], street); if (!r || `${s[1]} ${street}` === m.expected.address) continue;
    m.expected.address = `${s[1]} ${street}`; m.expected.lat = Number(r[1]); m.expected.long = Number(r[0]); ids.push(m.id);
  }
  return ids;
}));
ok.push(run('one member of each group given another service', (c) => {
  const seen = new Set(), ids = [];
  for (const m of c) if (m.dedupe_group && !seen.has(m.dedupe_group)) { seen.add(m.dedupe_group); m.expected.service_code = m.expected.service_code === 'GEN-OTHER' ? 'ST-POTHOLE' : 'GEN-OTHER'; ids.push(m.dedupe_group); }
  return ids;
}));
ok.push(run('one member dropped from each group', (c) => {
  const seen = new Set(), ids = [];
  for (const m of c) if (m.dedupe_group && !seen.has(m.dedupe_group)) { seen.add(m.dedupe_group); ids.push(m.id); m.dedupe_group = null; }
  return ids;
}));
process.exit(ok.every(Boolean) ? 0 : 1);
