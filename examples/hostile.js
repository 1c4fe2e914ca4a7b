// The hostile page keeps everything on one page: a provider chosen in the list fills the card and the picker below
// it, and focus moves to that picker's times (an external script: the page's policy allows no inline script).
import { showTimes } from './show-times.js';

document.addEventListener('fd-provider-select', (event) => {
  const picker = document.getElementById('picker');
  event.preventDefault(); // the page's own picker shows the times: the card opens none
  const { providerId, locationId } = event.detail;
  document.getElementById('card').setAttribute('provider', providerId);
  picker.setAttribute('provider', providerId);
  if (locationId) picker.setAttribute('location', locationId);
  else picker.removeAttribute('location');
  void showTimes(picker);
});
