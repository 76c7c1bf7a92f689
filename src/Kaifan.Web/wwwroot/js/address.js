// The address form's 使用当前位置: the browser's position goes into the form's hidden fields and the form posts back
// (its hidden refresh button) so the server redraws the map; a refused or absent geolocation says so and keeps the zone's centre.
// Without location consent the button first opens an inline confirm; 同意 records the consent (same-origin, with the
// form's antiforgery token) and then locates.
(() => {
  const locate = (form, button) => {
    const failed = form.querySelector('[data-locate-failed]');
    if (!navigator.geolocation) { failed.hidden = false; return; }
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      p => {
        form.elements.latitude.value = p.coords.latitude;
        form.elements.longitude.value = p.coords.longitude;
        form.elements.located.value = '1';
        form.requestSubmit(form.querySelector('[data-testid="requote"]'));
      },
      () => { failed.hidden = false; button.disabled = false; },
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 30000 });
  };

  const consent = async (form, button, agree) => {
    const failed = form.querySelector('[data-locate-failed]');
    const body = new FormData();
    body.append('__RequestVerificationToken', form.elements.__RequestVerificationToken.value);
    agree.disabled = true;
    try {
      const response = await fetch(button.dataset.consentUrl, { method: 'POST', body, credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      button.dataset.consent = 'granted';
      form.querySelector('[data-locate-consent]').hidden = true;
      locate(form, button);
    } catch {
      failed.hidden = false;
    } finally {
      agree.disabled = false;
    }
  };

  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    const form = target && target.closest('form');
    if (!form) return;
    const button = form.querySelector('[data-locate]');
    const confirm = form.querySelector('[data-locate-consent]');
    if (target.closest('[data-locate-cancel]')) { confirm.hidden = true; return; }
    const agree = target.closest('[data-locate-agree]');
    if (agree) { consent(form, button, agree); return; }
    if (!target.closest('[data-locate]')) return;
    if (button.dataset.consent === 'granted') locate(form, button);
    else confirm.hidden = false;
  });
})();
