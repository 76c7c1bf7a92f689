// A tap on an enhanced form that opts in (data-tap-failed: the shop's 加入, ＋/− and 规格 sheet) shows at once that it
// is on its way (aria-busy, .sending). Blazor posts the form with fetch and, when the network drops the post, only
// rejects a promise nobody handles: the page would stay as it was and the tap be lost without a word. Here the page
// says so instead, and the button can simply be tapped again.
(() => {
  let pending = null;

  const settle = () => {
    if (!pending) return;
    pending.form.removeAttribute('aria-busy');
    pending.button?.classList.remove('sending');
    pending = null;
  };

  document.addEventListener('submit', e => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-tap-failed')) return;
    settle();
    document.querySelectorAll('.tap-failed').forEach(n => n.remove());
    pending = { form, button: e.submitter };
    form.setAttribute('aria-busy', 'true');
    e.submitter?.classList.add('sending');
  }, true);

  // fetch rejects with a TypeError when the request never got an answer.
  window.addEventListener('unhandledrejection', e => {
    if (!pending || !(e.reason instanceof TypeError)) return;
    const note = document.createElement('p');
    note.className = 'tap-failed';
    note.setAttribute('role', 'alert');
    note.dataset.testid = 'tap-failed';
    note.textContent = pending.form.dataset.tapFailed;
    document.body.appendChild(note);
    settle();
    e.preventDefault();
  });

  const hook = () => window.Blazor?.addEventListener?.('enhancedload', settle);
  if (window.Blazor) hook(); else document.addEventListener('DOMContentLoaded', hook);
})();
