// Review mode of review.html: accept / reject rows, edit cells, add rows from a text selection, move
// span bounds; keeps the corrections in localStorage (keyed by doc_id and extraction fingerprint) and
// saves them as <doc_id>.review.json for `python -m pipeline review apply`.
// Offsets are Python str indices (code points) into text.txt: each text segment carries its start in
// data-s, so a selection's offsets come from the segment it falls in, never from the page's text length.
(function(){
"use strict";
const P = window.ReviewPage;
if (!P) return;
const D = P.D, R = D.review || {}, $ = id => document.getElementById(id);
const panel = $('rv-panel'), toggle = $('rv-toggle');
if (!panel || !toggle) return;
const REVIEWED = new Set(R.tables || []), SPAN_TABLES = new Set(R.spanTables || []);
const fp = R.fingerprint || {};
const STORE = 'pipeline-review:' + R.doc_id + ':' + (fp.code || '') + ':' + (fp.source || '');

// ------------------------------------------------------------------ state (one report, one extraction)
let S = {decisions: {}, added: [], bounds: {}};
try { const x = JSON.parse(localStorage.getItem(STORE) || 'null'); if (x && x.decisions) S = x; } catch (e) { /* a fresh review */ }
S.bounds = S.bounds || {}; S.added = S.added || [];
function store() { try { localStorage.setItem(STORE, JSON.stringify(S)); } catch (e) { /* storage full or off: the review stays in the page */ } }

// reviewable rows in page order
const order = [];
for (const t of D.tables) if (REVIEWED.has(t.name)) for (let i = 0; i < t.rows.length; i++) order.push(t.base + i);
const posInOrder = new Map(order.map((g, n) => [g, n]));
function rowOf(g) { const t = P.tableOf[g]; return {t, i: g - t.base}; }
function cellOf(g, c) { const {t, i} = rowOf(g), j = t.cols.indexOf(c); return j < 0 ? '' : t.rows[i][j]; }
function snapshot(g) {
  const {t} = rowOf(g), row = {};
  for (const c of (R.identity[t.name] || [])) row[c] = cellOf(g, c);
  return row;
}

// ------------------------------------------------------------------ the text, in code points
let CP = null;
function chars() { return CP || (CP = Array.from(P.text.textContent)); }
function sub(s, e) { return chars().slice(s, e).join(''); }
function cpLen(str) { let n = 0; for (const _ of str) n++; return n; }
const segEls = Array.from(P.text.querySelectorAll('span[data-s]'));
const segStart = segEls.map(el => +el.dataset.s);

// a DOM position (node, offset) inside #text -> offset into text.txt
function posOf(node, off) {
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = node.parentElement && node.parentElement.closest('span[data-s]');
    return seg ? +seg.dataset.s + cpLen(node.data.slice(0, off)) : null;
  }
  if (off < node.childNodes.length) return firstPos(node.childNodes[off]);
  return lastPos(node);
}
function firstPos(n) {
  if (n.nodeType === Node.TEXT_NODE) return posOf(n, 0);
  if (n.dataset && n.dataset.s !== undefined) return +n.dataset.s;
  for (const c of n.childNodes) { const p = firstPos(c); if (p !== null) return p; }
  return null;
}
function lastPos(n) {
  if (n.nodeType === Node.TEXT_NODE) return posOf(n, n.data.length);
  if (n.dataset && n.dataset.s !== undefined) return +n.dataset.s + cpLen(n.textContent);
  for (let k = n.childNodes.length - 1; k >= 0; k--) { const p = lastPos(n.childNodes[k]); if (p !== null) return p; }
  return null;
}
// offset into text.txt -> a DOM position (the segment holding it)
function domAt(pos) {
  let lo = 0, hi = segStart.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (segStart[mid] <= pos) lo = mid; else hi = mid - 1; }
  const el = segEls[lo], node = el && el.firstChild;
  if (!node) return null;
  let k = pos - segStart[lo], u = 0;
  for (const ch of node.data) { if (k-- <= 0) break; u += ch.length; }
  return [node, u];
}
function rangeFor(s, e) {
  const a = domAt(s), b = domAt(e);
  if (!a || !b) return null;
  const r = document.createRange(); r.setStart(a[0], a[1]);
  if (e >= chars().length) r.setEndAfter(segEls[segEls.length - 1]); else r.setEnd(b[0], b[1]);
  return r;
}
// the current selection in the report, whitespace trimmed: {start, end, text} or null
function selection() {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!P.text.contains(r.startContainer) || !P.text.contains(r.endContainer)) return null;
  let s = posOf(r.startContainer, r.startOffset), e = posOf(r.endContainer, r.endOffset);
  if (s === null || e === null) return null;
  const c = chars();
  while (s < e && /\s/.test(c[s])) s++;
  while (e > s && /\s/.test(c[e - 1])) e--;
  return s < e ? {start: s, end: e, text: sub(s, e)} : null;
}
let lastSel = null;
document.addEventListener('selectionchange', () => {
  const x = selection();
  if (x) lastSel = x;
  else { const sel = window.getSelection(); if (sel && sel.isCollapsed && sel.anchorNode && P.text.contains(sel.anchorNode)) lastSel = null; }
  $('rv-sel').textContent = lastSel ? '[' + lastSel.start + ',' + lastSel.end + ') ' + short(lastSel.text) : 'none: select text in the report';
});
function short(s) { s = String(s).replace(/\n/g, '⏎'); return s.length > 40 ? s.slice(0, 39) + '…' : s; }

// ------------------------------------------------------------------ decisions
function keyOf(g) { return P.keyOf(g); }
function decide(g, status) {
  if (!posInOrder.has(g)) return;
  const k = keyOf(g), d = S.decisions[k] || {status, edits: {}, row: snapshot(g)};
  d.status = status; S.decisions[k] = d;
  changed(g);
}
function edit(g, col, value) {
  const k = keyOf(g), d = S.decisions[k] || {status: 'accepted', edits: {}, row: snapshot(g)};
  if (value === cellOf(g, col)) delete d.edits[col]; else d.edits[col] = value;
  if (d.status !== 'rejected') d.status = 'accepted';
  S.decisions[k] = d;
  changed(g);
}
function spanOf(g) {
  const b = S.bounds[keyOf(g)];
  return b ? [b.start, b.end] : [+cellOf(g, 'start'), +cellOf(g, 'end')];
}
function setBounds(g, s, e) {
  const n = chars().length, k = keyOf(g);
  if (!(0 <= s && s < e && e <= n)) return;
  if (s === +cellOf(g, 'start') && e === +cellOf(g, 'end')) delete S.bounds[k];
  else S.bounds[k] = {row: k, start: s, end: e, text: sub(s, e)};
  const d = S.decisions[k] || {status: 'accepted', edits: {}, row: snapshot(g)};
  if (d.status !== 'rejected') d.status = 'accepted';
  S.decisions[k] = d;
  changed(g);
}
function changed(g) { store(); if (g !== undefined && g >= 0) decorateRow(g); progress(); paintHighlights(); if (g === cur) showCurrent(); }

function progress() {
  let n = 0;
  for (const g of order) if (S.decisions[keyOf(g)]) n++;
  $('rv-progress').textContent = (n + S.added.length) + ' / ' + (order.length + S.added.length) + ' rows reviewed'
    + (S.added.length ? ' (' + S.added.length + ' added)' : '');
  toggle.textContent = 'Review' + (n + S.added.length ? ' · ' + (n + S.added.length) + '/' + (order.length + S.added.length) : '');
}

// rows as rendered: status classes, edited cells shown with their new value
function decorate(t, tr, g, i) {
  if (!REVIEWED.has(t.name)) return;
  const on = document.body.classList.contains('reviewing');  // off: the rows as extracted
  const d = on ? S.decisions[keyOf(g)] : null, b = on ? S.bounds[keyOf(g)] : null;
  tr.classList.toggle('rv-acc', !!d && d.status === 'accepted');
  tr.classList.toggle('rv-rej', !!d && d.status === 'rejected');
  const edits = Object.assign({}, d ? d.edits : {}, b ? {start: String(b.start), end: String(b.end), text: b.text} : {});
  t.cols.forEach((c, j) => {
    const td = tr.cells[j], orig = t.rows[i][j];
    if (!td) return;
    const now = c in edits ? edits[c] : orig;
    td.textContent = now;
    td.classList.toggle('rv-changed', c in edits && now !== orig);
    if (c in edits && now !== orig) td.title = 'extracted: ' + orig; else td.removeAttribute('title');
  });
}
P.hooks.row.push(decorate);
function decorateRow(g) {
  const {t, i} = rowOf(g);
  for (const tr of t.trs) if (+tr.dataset.g === g) decorate(t, tr, g, i);
}
function redrawAll() { for (const t of D.tables) for (const tr of t.trs) decorate(t, tr, +tr.dataset.g, +tr.dataset.g - t.base); }

// ------------------------------------------------------------------ the current row
let cur = -1;
function go(g) { if (g === undefined || g < 0) return; cur = g; P.selectRow(g); showCurrent(); }
function step(dir) {
  if (!order.length) return;
  const n = posInOrder.has(cur) ? posInOrder.get(cur) + dir : (dir > 0 ? 0 : order.length - 1);
  go(order[Math.max(0, Math.min(order.length - 1, n))]);
}
function field(name, value, orig, onchange, choices) {
  const lab = document.createElement('label');
  lab.appendChild(document.createTextNode(name + ' '));
  let inp;
  if (choices) {
    inp = document.createElement('select');
    for (const c of (choices.indexOf(value) < 0 ? [value].concat(choices) : choices)) {
      const o = document.createElement('option'); o.value = c; o.textContent = c || '–'; inp.appendChild(o);
    }
  } else { inp = document.createElement('input'); inp.type = 'text'; }
  inp.value = value; inp.dataset.col = name;
  inp.classList.toggle('rv-changed', value !== orig);
  inp.addEventListener('change', () => { inp.classList.toggle('rv-changed', inp.value !== orig); onchange(inp.value); });
  lab.appendChild(inp);
  return lab;
}
function choicesFor(table, col) {
  if (table === 'statistics' && col === 'qualifier') return R.qualifiers;
  if (table === 'roles' && col === 'role') return R.roles;
  return null;
}
function showCurrent() {
  const box = $('rv-edit'), bounds = $('rv-bounds');
  box.textContent = '';
  if (!posInOrder.has(cur)) { $('rv-current').textContent = 'Select a row (click it, or press j).'; bounds.hidden = true; return; }
  const {t} = rowOf(cur), k = keyOf(cur), d = S.decisions[k];
  $('rv-current').textContent = k + ' · ' + (d ? d.status : 'not reviewed yet') + ' · row ' + (posInOrder.get(cur) + 1) + ' of ' + order.length;
  for (const c of (R.editable[t.name] || [])) {
    const orig = cellOf(cur, c), now = d && c in d.edits ? d.edits[c] : orig, g = cur;
    box.appendChild(field(c, now, orig, v => edit(g, c, v), choicesFor(t.name, c)));
  }
  bounds.hidden = !SPAN_TABLES.has(t.name);
  if (!bounds.hidden) { const [s, e] = spanOf(cur); $('rv-span').textContent = '[' + s + ',' + e + ') ' + short(sub(s, e)); }
}
document.getElementById('right').addEventListener('click', ev => {
  const tr = ev.target.closest('tbody tr[data-g]');
  if (tr) { cur = +tr.dataset.g; showCurrent(); }
});
for (const b of bounds_buttons()) b.addEventListener('click', () => {
  if (!SPAN_TABLES.has((P.tableOf[cur] || {}).name)) return;
  let [s, e] = spanOf(cur);
  const m = b.dataset.b;
  if (m === 's-1') s--; else if (m === 's+1') s++; else if (m === 'e-1') e--; else if (m === 'e+1') e++;
  setBounds(cur, s, e);
});
function bounds_buttons() { return Array.from(document.querySelectorAll('#rv-bounds button[data-b]')); }
$('rv-bounds-sel').addEventListener('click', () => { if (lastSel && posInOrder.has(cur)) setBounds(cur, lastSel.start, lastSel.end); });
$('rv-bounds-reset').addEventListener('click', () => { if (posInOrder.has(cur)) setBounds(cur, +cellOf(cur, 'start'), +cellOf(cur, 'end')); });

// ------------------------------------------------------------------ added rows
const ADD_FIELDS = {mentions: ['entity'], statistics: ['value', 'value_max', 'qualifier', 'unit', 'subject'], recommendations: ['speaker', 'cue']};
function addFromSelection(kind) {
  if (!lastSel) return null;
  const table = kind === 'statistic' ? 'statistics' : kind === 'recommendation' ? 'recommendations' : 'mentions';
  const fields = {};
  if (table === 'mentions' && kind !== 'TITLE') fields.entity = lastSel.text;
  if (table === 'statistics') {
    const m = lastSel.text.match(/[0-9]+(?:\.[0-9]+)?/);
    Object.assign(fields, {value: m ? m[0] : '', value_max: '', qualifier: 'exact', unit: '', subject: ''});
  }
  if (table === 'recommendations') Object.assign(fields, {speaker: '', cue: ''});
  const a = {table, label: table === 'mentions' ? kind : '', start: lastSel.start, end: lastSel.end, text: lastSel.text, fields};
  S.added.push(a);
  changed();
  drawAdded();
  return a;
}
function drawAdded() {
  const ol = $('rv-added');
  ol.textContent = '';
  S.added.forEach((a, n) => {
    const li = document.createElement('li');
    li.appendChild(document.createTextNode((a.label || a.table) + ' [' + a.start + ',' + a.end + ') ' + short(a.text) + ' '));
    for (const c of (ADD_FIELDS[a.table] || [])) {
      if (a.table === 'mentions' && a.label === 'TITLE') continue;
      const ch = a.table === 'statistics' && c === 'qualifier' ? R.qualifiers : null;
      li.appendChild(field(c, a.fields[c] || '', a.fields[c] || '', v => { a.fields[c] = v; store(); }, ch));
    }
    const x = document.createElement('button'); x.type = 'button'; x.textContent = 'remove'; x.dataset.remove = n;
    x.addEventListener('click', () => { S.added.splice(n, 1); changed(); drawAdded(); });
    li.appendChild(x);
    ol.appendChild(li);
  });
}
$('rv-add').addEventListener('click', () => addFromSelection($('rv-add-label').value));

// added spans and moved bounds shown in the text (CSS Custom Highlight API, where the browser has it)
function paintHighlights() {
  if (!window.CSS || !CSS.highlights || typeof Highlight === 'undefined') return;
  const added = [], moved = [];
  for (const a of S.added) { const r = rangeFor(a.start, a.end); if (r) added.push(r); }
  for (const k in S.bounds) { const b = S.bounds[k], r = rangeFor(b.start, b.end); if (r) moved.push(r); }
  CSS.highlights.set('rv-added', new Highlight(...added));
  CSS.highlights.set('rv-bounds', new Highlight(...moved));
}

// ------------------------------------------------------------------ the review file
function reviewJSON() {
  return {doc_id: R.doc_id, fingerprint: R.fingerprint, text_sha256: R.text_sha256,
          decisions: S.decisions, added: S.added, bounds: Object.values(S.bounds)};
}
function save() {
  const blob = new Blob([JSON.stringify(reviewJSON(), null, 1) + '\n'], {type: 'application/json'});
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob); a.download = R.doc_id + '.review.json';
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
$('rv-save').addEventListener('click', save);
$('rv-discard').addEventListener('click', () => {
  if (!window.confirm('Forget every correction of ' + R.doc_id + ' kept in this browser?')) return;
  S = {decisions: {}, added: [], bounds: {}}; store(); redrawAll(); drawAdded(); progress(); paintHighlights(); showCurrent();
});
$('rv-accept').addEventListener('click', () => { decide(cur, 'accepted'); step(1); });
$('rv-reject').addEventListener('click', () => { decide(cur, 'rejected'); step(1); });
$('rv-prev').addEventListener('click', () => step(-1));
$('rv-next').addEventListener('click', () => step(1));
$('rv-undo').addEventListener('click', () => { const k = keyOf(cur); delete S.decisions[k]; delete S.bounds[k]; changed(cur); });

// ------------------------------------------------------------------ continuing a review
// A saved review file, or corrections kept for an older extraction, merged into this one the way
// `review apply` does: a row by its key when it still has the recorded values, else by those values;
// spans only where the text still matches. What no longer matches is listed, not dropped silently.
function sameRow(g, snap) { return Object.keys(snap).every(c => String(cellOf(g, c)) === String(snap[c])); }
function findRow(key, snap) {
  const g = P.keyToG.get(key), table = key.split(':')[0];
  if (g !== undefined && posInOrder.has(g) && (!snap || sameRow(g, snap))) return g;
  if (!snap) return undefined;
  return order.find(x => P.tableOf[x].name === table && sameRow(x, snap));
}
function merge(src) {
  const stale = [];
  let n = 0;
  const decs = src.decisions || {}, where = {};
  for (const k in decs) {
    const d = decs[k], g = findRow(k, d.row);
    if (g === undefined) { stale.push(k); continue; }
    S.decisions[keyOf(g)] = {status: d.status, edits: Object.assign({}, d.edits || {}), row: snapshot(g)};
    where[k] = g; n++;
  }
  for (const b of (Array.isArray(src.bounds) ? src.bounds : Object.values(src.bounds || {}))) {
    const g = b.row in where ? where[b.row] : findRow(b.row, null);
    if (g === undefined || sub(b.start, b.end) !== b.text) { stale.push('bounds ' + b.row); continue; }
    S.bounds[keyOf(g)] = {row: keyOf(g), start: b.start, end: b.end, text: b.text}; n++;
  }
  for (const a of (src.added || [])) {
    if (sub(a.start, a.end) !== a.text) { stale.push('added ' + (a.label || a.table) + ' ' + a.text); continue; }
    if (!S.added.some(x => x.table === a.table && x.label === a.label && x.start === a.start && x.end === a.end)) S.added.push(a);
    n++;
  }
  store(); redrawAll(); drawAdded(); progress(); paintHighlights(); showCurrent();
  const msg = $('rv-msg');
  msg.hidden = false;
  msg.textContent = n + ' correction(s) taken over' + (stale.length ? '; ' + stale.length + ' no longer match this extraction: ' + stale.join(', ') : '');
  return {applied: n, stale};
}
$('rv-open').addEventListener('change', ev => {
  const f = ev.target.files && ev.target.files[0];
  if (!f) return;
  f.text().then(txt => {
    let src;
    try { src = JSON.parse(txt); } catch (e) { $('rv-msg').hidden = false; $('rv-msg').textContent = f.name + ': not JSON'; return; }
    if (src.doc_id !== R.doc_id) { $('rv-msg').hidden = false; $('rv-msg').textContent = f.name + ' is the review of ' + src.doc_id + ', not of ' + R.doc_id; return; }
    merge(src);
  });
  ev.target.value = '';
});
function olderKeys() {
  const out = [], prefix = 'pipeline-review:' + R.doc_id + ':';
  try { for (let k = 0; k < localStorage.length; k++) { const x = localStorage.key(k); if (x.startsWith(prefix) && x !== STORE) out.push(x); } } catch (e) { /* no storage */ }
  return out;
}
$('rv-carry').addEventListener('click', () => {
  for (const k of olderKeys()) { try { merge(JSON.parse(localStorage.getItem(k))); localStorage.removeItem(k); } catch (e) { /* unreadable: left */ } }
  $('rv-older').hidden = true;
});
$('rv-older').hidden = !olderKeys().length;

// ------------------------------------------------------------------ on / off, keyboard
function setOn(on) {
  document.body.classList.toggle('reviewing', on);
  panel.hidden = !on;
  if (on) { progress(); drawAdded(); paintHighlights(); showCurrent(); }
  else if (window.CSS && CSS.highlights) CSS.highlights.clear();
  redrawAll();
}
toggle.addEventListener('click', () => setOn(!document.body.classList.contains('reviewing')));
document.addEventListener('keydown', ev => {
  if (!document.body.classList.contains('reviewing') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const tag = (ev.target.tagName || '').toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea') return;
  const k = ev.key.toLowerCase();
  if (k === 'a' && posInOrder.has(cur)) { decide(cur, 'accepted'); step(1); }
  else if (k === 'r' && posInOrder.has(cur)) { decide(cur, 'rejected'); step(1); }
  else if (k === 'j' || k === 'n') step(1);
  else if (k === 'k') step(-1);
  else return;
  ev.preventDefault();
});
progress();
// for scripts and tests: the review file as it would be saved, and the offsets of the selection
window.ReviewMode = {json: reviewJSON, selection, setOn, merge, go: key => go(P.keyToG.get(key)), key: STORE};
if (new URLSearchParams(location.search).has('review')) setOn(true);
})();
