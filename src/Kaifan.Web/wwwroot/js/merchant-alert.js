// The new-order alert: a WebAudio beep every 2 s and "(N)" in the tab title while any paid order waits to be
// accepted; silent as soon as none waits. Browsers only allow sound after a first click, which unlocks it (and asks,
// once, whether desktop notifications may be shown: then each newly arrived order also pops one).
// 催单 rings beside it with a sound of its own (three low square pulses, so staff can tell it from a new order
// without looking), counts in the same tab title and pops "顾客催单 · #number" per newly urged order. Refund requests
// likewise ring with a sound of their own until 同意 or 拒绝.
window.kaifanAlert = (() => {
  let audio = null;
  let timer = null;
  let last = 0;
  let urgeTimer = null;
  let urges = 0;
  let refundTimer = null;
  let refunds = 0;
  let title = document.title;

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
    popup(title, body.replace('{0}', count), 'kaifan-new-order');
  }

  function popup(title, body, tag) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      const n = new Notification(title, { body, tag, renotify: true });
      n.onclick = () => { window.focus(); n.close(); };
    } catch { /* some browsers only allow notifications from a service worker */ }
  }

  function urgeBeep() {
    const ctx = context();
    if (!ctx) return;
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const t = ctx.currentTime;
    [0, 0.18, 0.36].forEach(offset => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = 523;
      gain.gain.setValueAtTime(0.0001, t + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, t + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.14);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + offset);
      osc.stop(t + offset + 0.16);
    });
    document.body.dataset.urgeBeeps = String(Number(document.body.dataset.urgeBeeps || 0) + 1);
  }

  // Refund requests ring with a third sound: a falling pair of triangle tones, slower than the others.
  function refundBeep() {
    const ctx = context();
    if (!ctx) return;
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const t = ctx.currentTime;
    [[0, 988], [0.4, 659]].forEach(([offset, frequency]) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'triangle';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, t + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, t + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.35);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + offset);
      osc.stop(t + offset + 0.38);
    });
    document.body.dataset.refundBeeps = String(Number(document.body.dataset.refundBeeps || 0) + 1);
  }

  // The tab title counts every kind of waiting work; the body says whether anything rings.
  function show() {
    const waiting = last + urges + refunds;
    document.title = waiting > 0 ? `(${waiting}) ${title}` : title;
    document.body.dataset.alert = waiting > 0 ? 'ringing' : 'quiet';
    document.body.dataset.urgeAlert = urges > 0 ? 'ringing' : 'quiet';
    document.body.dataset.refundAlert = refunds > 0 ? 'ringing' : 'quiet';
  }

  function update(count, tabTitle, body) {
    if (count > last && body) notify(count, tabTitle, body);
    last = count;
    title = tabTitle;
    show();
    if (count > 0 && !timer) {
      beep();
      timer = setInterval(beep, 2000);
    } else if (count === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  // count: orders whose 催单 the shop has not handled; fresh: [{title, body}] for those urged since the last call.
  function urge(count, tabTitle, fresh) {
    urges = count;
    title = tabTitle;
    (fresh || []).forEach(n => popup(n.title, n.body, 'kaifan-urge-' + n.title));
    show();
    if (count > 0 && !urgeTimer) {
      urgeBeep();
      urgeTimer = setInterval(urgeBeep, 2000);
    } else if (count === 0 && urgeTimer) {
      clearInterval(urgeTimer);
      urgeTimer = null;
    }
  }

  // count: refund requests the shop has not answered; fresh: [{title, body}] for those new since the last call.
  function refund(count, tabTitle, fresh) {
    refunds = count;
    title = tabTitle;
    (fresh || []).forEach(n => popup(n.title, n.body, 'kaifan-refund-' + n.title));
    show();
    if (count > 0 && !refundTimer) {
      refundBeep();
      refundTimer = setInterval(refundBeep, 3000);
    } else if (count === 0 && refundTimer) {
      clearInterval(refundTimer);
      refundTimer = null;
    }
  }

  document.addEventListener('pointerdown', () => {
    context()?.resume?.().catch(() => {});
    if ('Notification' in window && Notification.permission === 'default') Notification.requestPermission().catch(() => {});
  }, { capture: true });
  return { update, urge, refund };
})();
