// The dispatch board's cards are dragged with HTML5 drag and drop handled in Blazor. Firefox starts a drag only when
// dragstart puts some data on it, which Blazor's handler cannot; the card's id is what there is to carry.
document.addEventListener('dragstart', e => {
  const card = e.target instanceof Element ? e.target.closest('.drag-card') : null;
  if (card && e.dataTransfer) {
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', card.querySelector('[data-order-id]')?.dataset.orderId ?? '');
  }
});
