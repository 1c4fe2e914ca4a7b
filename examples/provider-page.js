// Reads the provider (not patient data) from the address and hands it to the widgets as attributes.
const params = new URLSearchParams(location.search);
const provider = params.get('provider') ?? 'maria-hernandez';
const locationId = params.get('location');
for (const id of ['card', 'picker']) {
  const element = document.getElementById(id);
  element.setAttribute('provider', provider);
  if (locationId && id === 'picker') element.setAttribute('location', locationId);
}
