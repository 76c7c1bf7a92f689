// 砍价's share button: the phone's share sheet where there is one, else the link copied to the clipboard.
document.addEventListener('click', e => {
  const button = e.target.closest('[data-share-url]');
  if (!button) return;
  const url = new URL(button.dataset.shareUrl, location.href).href;
  if (navigator.share) {
    navigator.share({ title: button.dataset.shareTitle, url }).catch(() => {});
  } else if (navigator.clipboard) {
    navigator.clipboard.writeText(url).then(() => { button.textContent = button.dataset.copiedText; }, () => {});
  }
});
