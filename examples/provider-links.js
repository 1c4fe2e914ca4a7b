// This clinic site shows each provider's times on the provider's own page: the list's Book buttons lead there
// (`preventDefault()` tells the card not to open its own picker) and `#times` asks that page to focus the times. An
// external script: the page runs under a strict Content-Security-Policy with no inline scripts.
document.addEventListener('fd-provider-select', (event) => {
  event.preventDefault();
  const { providerId, locationId } = event.detail;
  const url = new URL('/provider.html', location.href);
  url.searchParams.set('provider', providerId);
  if (locationId) url.searchParams.set('location', locationId);
  url.hash = 'times';
  location.assign(url);
});
