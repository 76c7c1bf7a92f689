// Ticks every [data-countdown] (seconds left, as rendered by the server) down to 00:00, then shows its expired text.
(() => {
  const started = new WeakMap();
  function tick() {
    const now = Date.now();
    document.querySelectorAll('[data-countdown]').forEach(el => {
      if (!started.has(el)) started.set(el, { at: now, left: Number(el.dataset.countdown) || 0 });
      const s = started.get(el);
      const left = Math.max(0, s.left - Math.floor((now - s.at) / 1000));
      if (left === 0) {
        el.textContent = el.dataset.expiredText || '00:00';
        el.classList.add('expired');
        document.querySelectorAll('[data-testid="pay-wechat"]').forEach(b => b.disabled = true);
      } else {
        el.textContent = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
      }
    });
  }
  setInterval(tick, 1000);
})();
