// 邀请有礼: [data-copy-link] copies its link and says so; without script the link stays selectable beside it.
document.addEventListener('click', async e => {
  const button = e.target.closest('[data-copy-link]');
  if (!button) return;
  const link = button.dataset.copyLink;
  try {
    await navigator.clipboard.writeText(link);
  } catch {
    const field = document.querySelector('[data-testid="invite-link"]');
    field?.select();
    document.execCommand('copy');
  }
  button.textContent = button.dataset.copiedText;
});
