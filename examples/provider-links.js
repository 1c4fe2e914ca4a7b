// A clinic site wires the list's Book buttons to its own provider pages (an external script: the page runs under a
// strict Content-Security-Policy with no inline scripts).
document.addEventListener('fd-provider-select', (event) => {
  const { providerId, locationId } = event.detail;
  const url = new URL('/provider.html', location.href);
  url.searchParams.set('provider', providerId);
  if (locationId) url.searchParams.set('location', locationId);
  location.assign(url);
});
