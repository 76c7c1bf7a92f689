// The address form's 使用当前位置: the browser's position goes into the form's hidden fields and the form posts back
// (its hidden refresh button) so the server redraws the map; a refused or absent geolocation says so and keeps the zone's centre.
(() => {
  document.addEventListener('click', event => {
    const button = event.target instanceof Element && event.target.closest('[data-locate]');
    if (!button) return;
    const form = button.closest('form');
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
  });
})();
