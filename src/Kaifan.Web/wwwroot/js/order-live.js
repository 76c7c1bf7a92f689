// Keeps the order page's status, hint, timeline, ETA, 准时宝 window and rider marker current without a reload. It
// listens to the order's Server-Sent Events (same-origin pass-through at /m/orders/{id}/live) and also
// polls /m/orders/{id}/live.json every 2 seconds. Works across Blazor enhanced navigation.
(() => {
  const POLL_MS = 2000;
  const SETTLE_MS = 1000;
  let current = null; // { id, source, timer, sse }

  function root() { return document.querySelector('[data-order-live]'); }

  function stop() {
    if (!current) return;
    if (current.source) current.source.close();
    clearTimeout(current.timer);
    current = null;
  }

  function schedule(state) {
    clearTimeout(state.timer);
    // The stream makes updates immediate; the poll keeps the page right if a stream event is missed.
    state.timer = setTimeout(() => refresh(state), POLL_MS);
  }

  async function refresh(state) {
    if (current !== state) return;
    try {
      const response = await fetch(`/m/orders/${state.id}/live.json`, { headers: { accept: 'application/json' }, cache: 'no-store' });
      if (response.ok) apply(await response.json());
    } catch { /* offline for a moment: try again on the next tick */ }
    if (current === state) schedule(state);
  }

  function apply(view) {
    const el = root();
    if (!el) return;
    // 催单 becomes possible by the clock alone (the order is late, or 10 minutes passed): the server redraws the button.
    // So does a 配送异常 the rider reports or ops resolve: the status stays, the line under the timeline changes.
    const changed = el.dataset.status !== view.status || (typeof view.canUrge === 'boolean' && el.dataset.canUrge !== String(view.canUrge))
      || (typeof view.exception === 'string' && (el.dataset.exception ?? '') !== view.exception);
    el.dataset.status = view.status;
    const title = el.querySelector('[data-live="title"]');
    if (title) title.textContent = view.title;
    const timeline = el.querySelector('[data-live="timeline"]');
    if (timeline) {
      timeline.replaceChildren(...view.timeline.map(step => {
        const li = document.createElement('li');
        li.className = step.reached ? 'reached' : 'pending';
        li.dataset.step = step.step;
        li.innerHTML = '<span class="dot"></span><span class="label"></span><span class="time"></span>';
        li.querySelector('.label').textContent = step.label;
        li.querySelector('.time').textContent = step.time;
        return li;
      }));
    }
    if (!view.canCancel) el.querySelector('[data-live="cancel"]')?.remove();
    // The merchant's promise lands just after acceptance and replaces checkout's quote as the time 催单 opens.
    const urgeOpens = el.querySelector('[data-testid="urge-opens"]');
    if (urgeOpens && view.urgeOpens) urgeOpens.textContent = view.urgeOpens;
    if (view.eta) {
      const box = el.querySelector('[data-testid="eta"]');
      const headline = el.querySelector('[data-live="eta-headline"]');
      const basis = el.querySelector('[data-live="eta-basis"]');
      if (headline) headline.textContent = view.eta.headline;
      if (basis) basis.textContent = view.eta.basis;
      if (box) box.hidden = !view.eta.headline;
    }
    if (view.rider) moveRider(view.rider.latitude, view.rider.longitude);
    // Tracking promises the 准时宝 window a moment after the shop accepts, usually with no status change to follow;
    // likewise a missed guarantee's coupon is issued a moment after the delivery.
    if (view.guarantee) {
      const guarantee = el.querySelector('[data-live="guarantee"]');
      if (guarantee && guarantee.textContent !== view.guarantee) guarantee.textContent = view.guarantee;
    }
    // The server renders the rest (hint, buttons) in the page's language: fetch it through enhanced navigation.
    if (changed && window.Blazor && typeof window.Blazor.navigateTo === 'function') {
      window.Blazor.navigateTo(location.pathname + location.search, { replaceHistoryEntry: true });
    }
  }

  // Same projection as MapProjection.Project on the server: the map's box travels in its data-* attributes.
  function moveRider(lat, lon) {
    const map = root()?.querySelector('[data-live="map"]');
    const rider = map?.querySelector('[data-live="rider"]');
    if (!map || !rider || typeof lat !== 'number' || typeof lon !== 'number') return;
    const d = map.dataset;
    const [minLat, maxLat, minLon, maxLon, w, h] = [d.minLat, d.maxLat, d.minLon, d.maxLon, d.width, d.height].map(Number);
    const inset = 12; // MapProjection.Inset: a marker off the map is drawn whole, just inside its edge
    const clamp = (v, max) => Math.min(Math.max(v, inset), max - inset);
    const x = clamp((lon - minLon) / (maxLon - minLon) * w, w);
    const y = clamp((maxLat - lat) / (maxLat - minLat) * h, h);
    // Written as the server writes it ("0.#"), so an unchanged position leaves the attribute unchanged.
    const n = v => String(Number(v.toFixed(1)));
    const transform = `translate(${n(x)} ${n(y)})`;
    if (rider.getAttribute('transform') !== transform) rider.setAttribute('transform', transform);
    rider.setAttribute('display', 'inline');
  }

  function onPosition(event) {
    try {
      const p = JSON.parse(event.data);
      moveRider(p.latitude ?? p.Latitude, p.longitude ?? p.Longitude);
    } catch { /* a malformed event: the next poll brings the position anyway */ }
  }

  function start() {
    const el = root();
    const id = el?.dataset.orderLive;
    if (current && current.id === id) return;
    stop();
    if (!id) return;
    const state = { id, source: null, timer: 0, sse: false };
    current = state;
    if ('EventSource' in window) {
      const source = new EventSource(`/m/orders/${id}/live`);
      state.source = source;
      source.onopen = () => { state.sse = true; schedule(state); };
      // The stream names its events; Ordering may record a step a moment after Tracking announces it,
      // so read the order now and once more shortly after.
      const onStep = () => { refresh(state); setTimeout(() => refresh(state), SETTLE_MS); };
      for (const name of ['snapshot', 'status', 'end']) source.addEventListener(name, onStep);
      // An ETA is formatted by the server in the page's language; a position moves the rider straight away.
      source.addEventListener('eta', () => refresh(state));
      source.addEventListener('position', onPosition);
      source.onerror = () => {
        // A closed stream (404: no such endpoint yet) means polling from now on; a dropped one reconnects itself.
        if (source.readyState === EventSource.CLOSED) { state.sse = false; state.source = null; schedule(state); }
      };
    }
    schedule(state);
  }

  document.addEventListener('DOMContentLoaded', start);
  if (document.readyState !== 'loading') start();
  const hook = () => window.Blazor?.addEventListener?.('enhancedload', start);
  if (window.Blazor) hook(); else document.addEventListener('DOMContentLoaded', hook);
  // Also catches pages swapped in before Blazor was ready.
  new MutationObserver(() => { if ((root()?.dataset.orderLive ?? null) !== (current?.id ?? null)) start(); })
    .observe(document.documentElement, { childList: true, subtree: true });
})();
