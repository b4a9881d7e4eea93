// The workshop page's own script (served by `tocdin workshop`; CSP: scripts from this server
// only). It shows one view at a time, follows the server's events, and sends the fields the
// sliders and lists change. All text from the models arrives as escaped HTML or goes in
// through textContent.
'use strict';
(() => {
  const params = new URLSearchParams(location.search);
  const key = params.get('sleutel') || '';
  let region = params.get('regio') || '';
  let current = params.get('weergave') || '';
  let hash = null;
  // The server numbers what it says about the file: an event that was held back while a
  // write was on its way must not put back the hash from before that write.
  let hashSeq = -1;
  function takeHash(h, seq) {
    if (seq > hashSeq) {
      hash = h;
      hashSeq = seq;
    }
  }
  let source;
  let order = [];
  let inFlight = 0;
  const held = [];
  const views = new Map();
  const $ = (id) => document.getElementById(id);
  const main = $('views');

  function remember() {
    const q = new URLSearchParams({ sleutel: key });
    if (region) q.set('regio', region);
    if (current) q.set('weergave', current);
    history.replaceState(null, '', '/?' + q.toString());
  }

  function connect() {
    if (source) source.close();
    held.length = 0;
    hashSeq = -1;
    views.clear();
    order = [];
    main.replaceChildren();
    const q = new URLSearchParams({ sleutel: key });
    if (region) q.set('regio', region);
    source = new EventSource('/gebeurtenissen?' + q.toString());
    source.onmessage = (ev) => {
      // While our own writes are on their way, a redraw could put an older level back under
      // the hand that is moving a slider: updates wait until the writes are answered.
      if (inFlight > 0) held.push(JSON.parse(ev.data));
      else apply(JSON.parse(ev.data));
    };
  }

  function focusKey(el) {
    if (!el || !el.dataset || !el.dataset.field) return null;
    return [el.dataset.field, el.dataset.effort || '', el.dataset.goal || ''];
  }

  function apply(msg) {
    if (msg.region) region = msg.region;
    takeHash(msg.hash, msg.seq);
    $('undo').disabled = !msg.undo;
    const picker = $('region');
    // A region without a DIN (opened with --regio) is in the list too, by its id.
    const regions = msg.regions.some((r) => r.id === region) || !region ? msg.regions : [...msg.regions, { id: region, naam: `${region} (nog geen DIN)` }];
    const wanted = regions.map((r) => r.id).join('\n');
    if (picker.dataset.ids !== wanted) {
      picker.replaceChildren(...regions.map((r) => new Option(r.naam, r.id)));
      picker.dataset.ids = wanted;
    }
    picker.value = region;
    const focused = focusKey(document.activeElement);
    const pending = [...main.querySelectorAll('.effort.pending')].map((row) => {
      const set = row.querySelector('.slider:not(.unset) input');
      return set && [row.dataset.effort, set.dataset.field, set.value];
    });
    for (const v of msg.views) {
      if (!v.html) continue;
      const t = document.createElement('template');
      t.innerHTML = v.html;
      const el = t.content.firstElementChild;
      const old = views.get(v.id);
      if (old) old.replaceWith(el);
      else main.append(el);
      views.set(v.id, el);
    }
    order = msg.views.map((v) => ({ id: v.id, tab: v.tab }));
    for (const [id, el] of views) {
      if (!order.some((v) => v.id === id)) {
        el.remove();
        views.delete(id);
      }
    }
    for (const v of order) main.append(views.get(v.id));
    for (const el of views.values()) applyZoom(el);
    // A slider chosen on a row without schuifjes waits for its partner, across redraws too.
    for (const p of pending) {
      if (!p) continue;
      const input = main.querySelector(`.effort[data-effort="${CSS.escape(p[0])}"] input[data-field="${CSS.escape(p[1])}"]`);
      const slider = input && input.closest('.slider');
      if (!slider || !slider.classList.contains('unset')) continue;
      input.value = p[2];
      slider.classList.remove('unset');
      slider.querySelector('output').textContent = LEVELS[Number(p[2])];
      input.closest('.effort').classList.add('pending');
    }
    showProblems(msg.problems);
    tabs();
    show(current && views.has(current) ? current : order[0] && order[0].id);
    // After show(): an element in a hidden view cannot take the focus.
    if (focused) {
      const sel = `[data-field="${CSS.escape(focused[0])}"][data-effort="${CSS.escape(focused[1])}"]` + (focused[2] ? `[data-goal="${CSS.escape(focused[2])}"]` : '');
      const again = main.querySelector(sel);
      if (again) again.focus();
    }
    document.body.dataset.generation = String(msg.generation);
  }

  function showProblems(problems) {
    const box = $('problems');
    main.classList.toggle('stale', problems.length > 0);
    box.hidden = problems.length === 0;
    if (!problems.length) return box.replaceChildren();
    const h = document.createElement('h2');
    h.textContent = problems.length === 1 ? 'Fout in de modellen' : `${problems.length} fouten in de modellen`;
    const note = document.createElement('p');
    note.textContent = 'Hieronder in grijs de laatste goede stand; de pagina volgt zodra het bestand weer klopt.';
    const list = document.createElement('ul');
    for (const p of problems.slice(0, 6)) {
      const li = document.createElement('li');
      const where = document.createElement('code');
      where.className = 'where';
      where.textContent = `${p.file}:${p.line}:${p.column}`;
      const what = document.createElement('span');
      what.textContent = ` ${p.message}${p.code ? ` (${p.code})` : ''}`;
      li.append(where, what);
      if (p.hint) {
        const hint = document.createElement('div');
        hint.className = 'hint';
        hint.textContent = `hint: ${p.hint}`;
        li.append(hint);
      }
      list.append(li);
    }
    box.replaceChildren(h, list, note);
  }

  function tabs() {
    const nav = $('tabs');
    nav.replaceChildren(
      ...order.map((v, i) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = `${i + 1} ${v.tab}`;
        b.dataset.view = v.id;
        b.addEventListener('click', () => show(v.id));
        return b;
      }),
    );
  }

  function show(id) {
    if (!id) return;
    current = id;
    for (const [vid, el] of views) el.classList.toggle('shown', vid === id);
    if (views.get(id)) applyZoom(views.get(id));
    for (const b of $('tabs').children) {
      if (b.dataset.view === id) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
    remember();
  }

  function step(d) {
    const i = order.findIndex((v) => v.id === current);
    const next = order[(i + d + order.length) % order.length];
    if (next) show(next.id);
  }

  // A big DIN fits the screen as an overview; a click (or +) zooms to where the text is
  // 24 px and more, drag or scroll pans, a second click (or 0) fits again. Kept per view
  // across live updates, so a save does not throw the room out of the part they look at.
  const TEXT_ZOOM = 1.5;
  const zoom = new Map();

  function natural(svg) {
    return [Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width, Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height];
  }

  function applyZoom(viewEl) {
    const st = zoom.get(viewEl.dataset.view);
    for (const fig of viewEl.querySelectorAll('.drawing')) {
      const svg = fig.querySelector('svg');
      if (!svg) continue;
      if (!st) {
        // A tall drawing (the coverage view) fitted whole would be a thin strip: fit its
        // width instead (at most the 24 px zoom) and scroll down.
        const [w, h] = natural(svg);
        const fitW = fig.clientWidth / w;
        const tall = fig.clientWidth > 0 && fitW > 2 * Math.min(fitW, fig.clientHeight / h);
        fig.classList.toggle('zoomed', tall);
        const z = Math.min(fitW, TEXT_ZOOM);
        svg.style.width = tall ? `${w * z}px` : '';
        svg.style.height = tall ? `${h * z}px` : '';
        continue;
      }
      const [w, h] = natural(svg);
      fig.classList.add('zoomed');
      svg.style.width = `${w * st.z}px`;
      svg.style.height = `${h * st.z}px`;
      fig.scrollLeft = st.left;
      fig.scrollTop = st.top;
    }
  }

  function setZoom(viewEl, z, fx, fy) {
    const id = viewEl.dataset.view;
    const fig = viewEl.querySelector('.drawing');
    if (!fig || z === null) {
      zoom.delete(id);
      return applyZoom(viewEl);
    }
    const [w, h] = natural(fig.querySelector('svg'));
    zoom.set(id, { z, left: Math.max(0, fx * w * z - fig.clientWidth / 2), top: Math.max(0, fy * h * z - fig.clientHeight / 2) });
    applyZoom(viewEl);
  }

  function fitZoom(fig) {
    const [w, h] = natural(fig.querySelector('svg'));
    return Math.min(fig.clientWidth / w, fig.clientHeight / h);
  }

  let drag = null;
  main.addEventListener('pointerdown', (ev) => {
    const fig = ev.target.closest && ev.target.closest('.drawing');
    if (fig) drag = { fig, x: ev.clientX, y: ev.clientY, left: fig.scrollLeft, top: fig.scrollTop, moved: false };
  });
  main.addEventListener('pointermove', (ev) => {
    if (!drag || !drag.fig.classList.contains('zoomed')) return;
    const dx = ev.clientX - drag.x;
    const dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 6) drag.moved = true;
    drag.fig.scrollLeft = drag.left - dx;
    drag.fig.scrollTop = drag.top - dy;
  });
  main.addEventListener('pointerup', (ev) => {
    const d = drag;
    drag = null;
    if (!d || d.moved) return;
    const viewEl = d.fig.closest('.view');
    if (zoom.has(viewEl.dataset.view)) return setZoom(viewEl, null);
    const r = d.fig.querySelector('svg').getBoundingClientRect();
    setZoom(viewEl, TEXT_ZOOM, (ev.clientX - r.left) / r.width, (ev.clientY - r.top) / r.height);
  });
  main.addEventListener(
    'scroll',
    (ev) => {
      const fig = ev.target;
      if (!fig.classList || !fig.classList.contains('zoomed')) return;
      const st = zoom.get(fig.closest('.view').dataset.view);
      if (st) Object.assign(st, { left: fig.scrollLeft, top: fig.scrollTop });
    },
    true,
  );

  function zoomKey(k) {
    const viewEl = views.get(current);
    const fig = viewEl && viewEl.querySelector('.drawing');
    if (!fig) return false;
    if (k === '0') return setZoom(viewEl, null), true;
    const st = zoom.get(current);
    const z = (st ? st.z : fitZoom(fig)) * (k === '-' ? 1 / 1.25 : 1.25);
    if (z <= fitZoom(fig)) return setZoom(viewEl, null), true;
    const fx = st ? (fig.scrollLeft + fig.clientWidth / 2) / (natural(fig.querySelector('svg'))[0] * st.z) : 0.5;
    const fy = st ? (fig.scrollTop + fig.clientHeight / 2) / (natural(fig.querySelector('svg'))[1] * st.z) : 0.5;
    setZoom(viewEl, z, fx, fy);
    return true;
  }

  let messageTimer;
  function say(text, kind) {
    const m = $('message');
    m.textContent = text;
    m.className = kind;
    m.hidden = false;
    clearTimeout(messageTimer);
    if (kind === 'ok') messageTimer = setTimeout(() => (m.hidden = true), 2500);
  }

  // One write at a time, each with the hash the previous one returned: quick arrow-key steps
  // on a slider are not refused as "changed on disk" by our own previous write.
  let writing = Promise.resolve();
  function post(path, body) {
    inFlight++;
    const next = writing.then(() => send(path, path === '/api/veld' ? { ...body, regio: region, hash } : body));
    writing = next
      .catch(() => undefined)
      .then(() => {
        if (--inFlight > 0) return;
        while (held.length) apply(held.shift());
      });
    return next;
  }

  async function send(path, body) {
    let r;
    try {
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tocdin-Sleutel': key },
        body: JSON.stringify(body),
      });
      r = res.headers.get('content-type')?.startsWith('application/json') ? await res.json() : { ok: false, message: (await res.text()).trim() };
    } catch {
      r = { ok: false, message: 'De workshop-server antwoordt niet (gestopt?).' };
    }
    if (r.ok) {
      takeHash(r.hash, r.seq);
      $('undo').disabled = !r.undo;
      say(path === '/api/ongedaan' ? 'Ongedaan gemaakt.' : 'Opgeslagen in het DIN-bestand.', 'ok');
    } else say(r.message, 'error');
    return r;
  }

  const LEVELS = ['niet handelen', 'autonoom', 'kennis delen', 'afstemmen', 'gezamenlijk', 'integreren'];
  const CODES = ['niet-handelen', 'autonoom', 'kennis-delen', 'afstemmen', 'gezamenlijk', 'integreren'];

  main.addEventListener('input', (ev) => {
    const t = ev.target;
    if (t.type !== 'range') return;
    t.closest('.slider').querySelector('output').textContent = LEVELS[Number(t.value)];
  });

  main.addEventListener('change', (ev) => {
    const t = ev.target;
    const field = t.dataset.field;
    if (!field) return;
    const effort = t.dataset.effort;
    if (t.type === 'range') {
      const row = t.closest('.effort');
      t.closest('.slider').classList.remove('unset');
      const other = row.querySelector(`input[data-field="${field === 'nu' ? 'gewenst' : 'nu'}"]`);
      const body = { field: 'schuifjes', effort, [field]: CODES[Number(t.value)] };
      if (other.closest('.slider').classList.contains('unset')) {
        row.classList.add('pending');
        return say(`Kies ook ${field === 'nu' ? 'GEWENST' : 'NU'}; dan worden beide opgeslagen.`, 'info');
      }
      if (row.classList.contains('pending')) {
        row.classList.remove('pending');
        body[other.dataset.field] = CODES[Number(other.value)];
      }
      return void post('/api/veld', body);
    }
    if (field === 'status') return void post('/api/veld', { field, effort, value: t.value });
    if (field === 'sterkte') return void post('/api/veld', { field, effort, goal: t.dataset.goal, value: t.value });
  });

  $('undo').addEventListener('click', () => void post('/api/ongedaan', {}));
  $('region').addEventListener('change', (ev) => {
    region = ev.target.value;
    remember();
    connect();
  });

  document.addEventListener('keydown', (ev) => {
    const tag = ev.target && ev.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === 'ArrowRight') step(1);
    else if (ev.key === 'ArrowLeft') step(-1);
    else if (/^[1-9]$/.test(ev.key) && order[Number(ev.key) - 1]) show(order[Number(ev.key) - 1].id);
    else if (!['+', '=', '-', '0'].includes(ev.key) || !zoomKey(ev.key === '=' ? '+' : ev.key)) return;
    ev.preventDefault();
  });

  connect();
})();
