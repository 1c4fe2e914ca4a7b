// Reads the provider (not patient data) from the address and hands it to the widgets as attributes. The page has
// its own picker for that provider, so the card's Book leads there instead of opening a second one.
import { showTimes } from './show-times.js';

const params = new URLSearchParams(location.search);
const provider = params.get('provider') ?? 'maria-hernandez';
const locationId = params.get('location');
const card = document.getElementById('card');
const picker = document.getElementById('picker');
for (const element of [card, picker]) element.setAttribute('provider', provider);
if (locationId) picker.setAttribute('location', locationId);

card.addEventListener('fd-provider-select', (event) => {
  event.preventDefault();
  void showTimes(picker);
});
// Arriving from a Book button on the list page.
if (location.hash === '#times') void showTimes(picker);
