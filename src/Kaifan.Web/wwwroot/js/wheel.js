// 幸运大转盘: the spin form's answer patches the wheel's --turn in place and CSS turns it; this holds the result text back
// until the wheel stops, so the draw is not given away mid-turn. Without script the page reloads with the result shown.
(() => {
  let turnBefore = null;

  document.addEventListener('submit', event => {
    if (event.target instanceof HTMLFormElement && event.target.hasAttribute('data-wheel-spin')) {
      const disc = document.querySelector('[data-testid="wheel-disc"]');
      turnBefore = disc ? disc.style.getPropertyValue('--turn') : null;
    }
  }, true);

  const holdResultUntilStopped = () => {
    const disc = document.querySelector('[data-testid="wheel-disc"]');
    const result = document.querySelector('[data-testid="wheel-result"]');
    const turned = disc && turnBefore !== null && disc.style.getPropertyValue('--turn') !== turnBefore;
    turnBefore = null;
    if (!turned || !result || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    result.classList.add('wheel-hold');
    const reveal = () => result.classList.remove('wheel-hold');
    disc.addEventListener('transitionend', reveal, { once: true });
    setTimeout(reveal, 4000);
  };

  const hook = () => window.Blazor?.addEventListener?.('enhancedload', holdResultUntilStopped);
  if (window.Blazor) hook(); else document.addEventListener('DOMContentLoaded', hook);
})();
