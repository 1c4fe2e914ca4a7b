// The hostile page keeps everything on one page: a provider chosen in the list fills the card and the picker below
// it (an external script: the page's policy allows no inline script).
document.addEventListener('fd-provider-select', (event) => {
  const { providerId, locationId } = event.detail;
  const card = document.getElementById('card');
  const picker = document.getElementById('picker');
  card.setAttribute('provider', providerId);
  picker.setAttribute('provider', providerId);
  if (locationId) picker.setAttribute('location', locationId);
  else picker.removeAttribute('location');
  document.getElementById('book-heading').scrollIntoView();
});
