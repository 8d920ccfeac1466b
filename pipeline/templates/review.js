(function(){
"use strict";
const D = JSON.parse(document.getElementById('data').textContent);
const NUMERIC = new Set(["start", "end", "value", "value_max", "mention_count", "first_start"]);
// text segments of every span (document order)
const segs = [];
for (const el of document.querySelectorAll('#text span[data-i]')) {
  for (const i of el.dataset.i.split(' ')) (segs[+i] || (segs[+i] = [])).push(el);
}
// rows: global number g -> table, index; key <-> g; the spans of each row
const T = {}, tableOf = new Array(D.nRows), keyToG = new Map();
for (const t of D.tables) {
  T[t.name] = t; t.page = -1; t.trs = [];
  for (let i = 0; i < t.rows.length; i++) {
    const g = t.base + i;
    tableOf[g] = t;
    keyToG.set(t.name + ':' + (t.keycol >= 0 ? t.rows[i][t.keycol] : i + 1), g);
  }
}
function keyOf(g) { const t = tableOf[g], i = g - t.base; return t.name + ':' + (t.keycol >= 0 ? t.rows[i][t.keycol] : i + 1); }
const rowSpans = Array.from({length: D.nRows}, () => []);
D.spanRows.forEach((rows, i) => { for (const g of rows) rowSpans[g].push(i); });
for (const g in D.override) rowSpans[+g] = D.override[g];

function cell(t, i, c) { const j = t.cols.indexOf(c); return j < 0 ? '' : t.rows[i][j]; }
function short(s, n) { s = String(s).replace(/\n/g, '⏎'); return s.length > n ? s.slice(0, n - 1) + '…' : s; }
function describe(g) {
  const t = tableOf[g], i = g - t.base, c = x => cell(t, i, x);
  const id = keyOf(g).slice(t.name.length + 1);
  switch (t.name) {
    case 'mentions': return id + ' · ' + c('label') + ' ' + short(c('text'), 40);
    case 'people': return c('person_id') + ' · ' + c('name') + ((c('agency') || c('title')) ? ' (' + short((c('agency') + ' ' + c('title')).trim(), 40) + ')' : '');
    case 'agencies': return id + ' · ' + short(c('name'), 40);
    case 'statistics': return id + ' · ' + c('text') + ' = ' + c('value') + ' ' + c('unit') + ' (' + c('qualifier') + ')';
    case 'recommendations': return id + ' · ' + (c('speaker') || '?') + ' · ' + c('cue') + ' · ' + short(c('text'), 40);
    case 'sessions': return id + ' · ' + c('title');
    case 'roles': return (c('session_id') || '–') + ' · ' + c('name') + ' · ' + c('role');
    case 'warnings': return c('kind') + ': ' + short(c('message'), 60);
    case 'gold': return c('label') + ' ' + short(c('text'), 40) + ' (' + c('status') + ')';
  }
  return id;
}

// tables, rendered a page at a time
let selG = -1, hitG = new Set(), curG = -1;
const hooks = {row: []};  // review mode (review_mode.js) decorates each rendered row
function renderPage(t, p) {
  const pane = document.getElementById('tab-' + t.name);
  const pages = Math.max(1, Math.ceil(t.rows.length / D.page));
  p = Math.max(0, Math.min(p, pages - 1));
  if (t.page === p && pane.firstChild) return;
  t.page = p; pane.textContent = '';
  if (pages > 1) {
    const nav = document.createElement('div'); nav.className = 'pager';
    const mk = (label, q) => { const b = document.createElement('button'); b.textContent = label; b.disabled = q < 0 || q >= pages || q === p;
                               b.onclick = () => renderPage(t, q); nav.appendChild(b); };
    mk('«', 0); mk('‹', p - 1);
    nav.appendChild(document.createTextNode(' rows ' + (p * D.page + 1) + '–' + Math.min(t.rows.length, (p + 1) * D.page) + ' of ' + t.rows.length + ' '));
    mk('›', p + 1); mk('»', pages - 1);
    pane.appendChild(nav);
  }
  const table = document.createElement('table'); table.className = 'rows';
  const hr = table.createTHead().insertRow();
  for (const c of t.cols) { const th = document.createElement('th'); th.textContent = c; hr.appendChild(th); }
  const tb = table.createTBody();
  t.trs = [];
  for (let i = p * D.page; i < Math.min(t.rows.length, (p + 1) * D.page); i++) {
    const tr = tb.insertRow(), g = t.base + i;
    tr.dataset.k = keyOf(g); tr.dataset.g = g;
    t.rows[i].forEach((v, j) => {
      const td = tr.insertCell(); td.textContent = v;
      const c = t.cols[j];
      if (NUMERIC.has(c)) td.className = 'num';
      else if (c === 'gold' || c === 'status') td.className = (v === '✓' || v === 'found') ? 'ok' : 'bad';
    });
    if (g === selG) tr.classList.add('sel'); else if (hitG.has(g)) tr.classList.add('hit');
    for (const h of hooks.row) h(t, tr, g, i);
    t.trs.push(tr);
  }
  pane.appendChild(table);
  if (!t.rows.length) { const e = document.createElement('p'); e.className = 'empty'; e.textContent = 'no rows'; pane.appendChild(e); }
}
function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('on', b.dataset.tab === name);
  for (const p of document.querySelectorAll('.pane')) p.hidden = (p.id !== 'tab-' + name);
  const t = T[name];
  if (t && t.page < 0) renderPage(t, 0);
}
function rowEl(g) {
  const t = tableOf[g], i = g - t.base;
  showTab(t.name);
  renderPage(t, Math.floor(i / D.page));
  return t.trs[i - t.page * D.page];
}
function markRows(gs, main) {
  for (const tr of document.querySelectorAll('tr.sel, tr.hit')) tr.classList.remove('sel', 'hit');
  selG = main; hitG = new Set(gs);
  for (const t of D.tables) for (const tr of t.trs) {
    const g = +tr.dataset.g;
    if (g === main) tr.classList.add('sel'); else if (hitG.has(g)) tr.classList.add('hit');
  }
  if (main >= 0) { const tr = rowEl(main); tr.classList.add('sel'); tr.scrollIntoView({block: 'nearest'}); }
}

// highlighting in the text
let marked = [], hov = [];
function setMarks(list, cls, idx) {
  for (const el of list) el.classList.remove(cls);
  const out = [];
  for (const i of idx) for (const el of (segs[i] || [])) { el.classList.add(cls); out.push(el); }
  return out;
}
function firstSeg(idx) {
  let best = -1;
  for (const i of idx) if (segs[i] && (best < 0 || D.spans[i][0] < D.spans[best][0])) best = i;
  return best < 0 ? null : segs[best][0];
}
const info = document.getElementById('info');
function say(title, gs) {
  info.textContent = '';
  const b = document.createElement('b'); b.textContent = title; info.appendChild(b);
  info.appendChild(document.createTextNode(' '));
  for (const g of gs) {
    const a = document.createElement('a'); a.dataset.go = keyOf(g); a.href = '#';
    a.textContent = tableOf[g].name + ' ' + describe(g);
    info.appendChild(a);
  }
}
function selectRow(g) {
  curG = g;
  const idx = rowSpans[g];
  marked = setMarks(marked, 'active', idx);
  markRows([g], g);
  const first = firstSeg(idx);
  if (first) first.scrollIntoView({block: 'center'});
  const also = [];
  for (const i of idx) for (const h of D.spanRows[i]) if (h !== g && also.indexOf(h) < 0) also.push(h);
  say(tableOf[g].name + ' ' + describe(g) + (idx.length ? ' → ' + idx.length + ' span(s)' : ' → no span in the text') + (also.length ? '; also:' : ''), also);
}
function spansAt(el) {
  const idx = el.dataset.i.split(' ').map(Number), r = c => (c in D.rank ? D.rank[c] : 9);
  idx.sort((a, b) => r(D.spans[a][2]) - r(D.spans[b][2]) || (D.spans[a][1] - D.spans[a][0]) - (D.spans[b][1] - D.spans[b][0]));
  return idx;
}
function rowsOf(idx) {
  // the rows of the spans under the pointer; a session span (the whole session's text) counts only
  // when it is the span clicked, not when it merely encloses the mention clicked
  const gs = [], main = idx[0];
  for (const i of idx) {
    if (i !== main && D.spans[i][2] === 'ss') continue;
    for (const g of D.spanRows[i]) if (gs.indexOf(g) < 0) gs.push(g);
  }
  return gs;
}
function clickSegment(el) {
  const idx = spansAt(el), main = idx[0], s = D.spans[main];
  marked = setMarks(marked, 'active', [main]);
  const gs = rowsOf(idx);
  markRows(gs, D.spanRows[main][0]);
  say('[' + s[0] + ',' + s[1] + ') feeds:', gs);
}
const text = document.getElementById('text');
text.addEventListener('mouseover', ev => {
  const el = ev.target.closest && ev.target.closest('span[data-i]');
  if (!el) return;
  const idx = spansAt(el), s = D.spans[idx[0]];
  hov = setMarks(hov, 'hov', [idx[0]]);
  say('[' + s[0] + ',' + s[1] + ') feeds:', rowsOf(idx));
});
text.addEventListener('click', ev => {
  const el = ev.target.closest && ev.target.closest('span[data-i]');
  if (el) clickSegment(el);
});
document.getElementById('tabs').addEventListener('click', ev => {
  const b = ev.target.closest('button');
  if (b) showTab(b.dataset.tab);
});
document.getElementById('right').addEventListener('click', ev => {
  const tr = ev.target.closest('tbody tr[data-g]');
  if (tr) selectRow(+tr.dataset.g);
});
document.addEventListener('click', ev => {
  const a = ev.target.closest && ev.target.closest('a[data-go]');
  if (a) { ev.preventDefault(); const g = keyToG.get(a.dataset.go); if (g !== undefined) selectRow(g); }
});
for (const cb of document.querySelectorAll('input[data-hide]'))
  cb.addEventListener('change', () => document.body.classList.toggle('hide-' + cb.dataset.hide, !cb.checked));
const sg = document.getElementById('showgold');
if (sg) sg.addEventListener('change', () => document.body.classList.toggle('showgold', sg.checked));
if (D.tables.length) showTab(D.tables[0].name);

// what review mode (review_mode.js, inlined after this script) builds on
window.ReviewPage = {D, T, tableOf, keyOf, keyToG, rowSpans, hooks, selectRow, rowEl, renderPage, showTab,
                     current: () => curG, text: document.getElementById('text')};

// ?autotest=<row key>: click that row; ?autoclick=<row key>: click the first text segment of its span.
// The resulting state goes into #autotest-result as JSON (read by the headless-browser test).
const q = new URLSearchParams(location.search), res = {};
if (q.has('showgold') && sg) { sg.checked = true; document.body.classList.add('showgold'); }
if (q.has('autotest')) {
  const key = q.get('autotest'), g = keyToG.get(key);
  res.row = key; res.rowFound = g !== undefined;
  if (g !== undefined) rowEl(g).querySelector('td').click();
}
if (q.has('autoclick')) {
  const key = q.get('autoclick'), g = keyToG.get(key), idx = g === undefined ? [] : rowSpans[g];
  const el = idx.length && segs[idx[0]] ? segs[idx[0]][0] : null;
  res.clicked = key; res.segmentFound = !!el;
  if (el) el.click();
}
if (q.has('autotest') || q.has('autoclick')) {
  const act = Array.from(document.querySelectorAll('#text .active'));
  const left = document.getElementById('left'), pane = left.getBoundingClientRect();
  res.active = act.length;
  res.activeText = act.map(e => e.textContent).join('');
  res.activeClasses = act.map(e => e.className);
  res.selected = Array.from(document.querySelectorAll('tr.sel')).map(t => t.dataset.k);
  res.hits = Array.from(document.querySelectorAll('tr.hit')).map(t => t.dataset.k);
  res.tab = (document.querySelector('#tabs button.on') || {dataset: {}}).dataset.tab || '';
  res.info = Array.from(info.querySelectorAll('a[data-go]')).map(a => a.dataset.go);
  res.infoText = info.textContent;
  if (act.length) {
    const r = act[0].getBoundingClientRect();
    res.inView = r.top >= pane.top && r.bottom <= pane.bottom;
    res.scrollTop = left.scrollTop;
  }
  document.getElementById('autotest-result').textContent = JSON.stringify(res);
}
})();
