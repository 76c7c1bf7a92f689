// The new-order alert: a WebAudio beep every 2 s and "(N)" in the tab title while any paid order waits to be
// accepted; silent as soon as none waits. Browsers only allow sound after a first click, which unlocks it (and asks,
// once, whether desktop notifications may be shown: then each newly arrived order also pops one).
window.kaifanAlert = (() => {
  let audio = null;
  let timer = null;
  let last = 0;

  function context() {
    try { audio ??= new (window.AudioContext || window.webkitAudioContext)(); } catch { audio = null; }
    return audio;
  }

  function beep() {
    const ctx = context();
    if (!ctx) return;
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const t = ctx.currentTime;
    [0, 0.25].forEach(offset => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = offset ? 1175 : 880;
      gain.gain.setValueAtTime(0.0001, t + offset);
      gain.gain.exponentialRampToValueAtTime(0.35, t + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.22);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + offset);
      osc.stop(t + offset + 0.24);
    });
    document.body.dataset.beeps = String(Number(document.body.dataset.beeps || 0) + 1);
  }

  // One notification per arrival, replacing the previous one (same tag) rather than stacking on the screen.
  function notify(count, title, body) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      const n = new Notification(title, { body: body.replace('{0}', count), tag: 'kaifan-new-order', renotify: true });
      n.onclick = () => { window.focus(); n.close(); };
    } catch { /* some browsers only allow notifications from a service worker */ }
  }

  function update(count, title, body) {
    if (count > last && body) notify(count, title, body);
    last = count;
    document.title = count > 0 ? `(${count}) ${title}` : title;
    document.body.dataset.alert = count > 0 ? 'ringing' : 'quiet';
    if (count > 0 && !timer) {
      beep();
      timer = setInterval(beep, 2000);
    } else if (count === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  document.addEventListener('pointerdown', () => {
    context()?.resume?.().catch(() => {});
    if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission().catch(() => {});
  }, { capture: true });
  return { update };
})();
