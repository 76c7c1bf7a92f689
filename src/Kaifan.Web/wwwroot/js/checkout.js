// Checkout is statically rendered: a changed delivery option, locker, 特殊关照 or coupon posts the form for a fresh quote
// (the hidden 'requote' submit button), and Blazor's enhanced form handling patches the price lines in place.
// Delegated from the document, so it keeps working across enhanced navigation.
(() => {
  document.addEventListener('change', event => {
    const input = event.target;
    if (!(input instanceof Element) || !input.closest('[data-requote]')) return;
    const form = input.closest('form');
    const button = form && form.querySelector('[data-testid="requote"]');
    if (button) form.requestSubmit(button);
  });
})();
