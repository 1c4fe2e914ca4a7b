// For a page that shows a provider's times itself (it cancels `fd-provider-select`): after Book, scroll to the page's
// slot picker and move focus to its next decision once its times are there, so the next key press is useful.
export async function showTimes(picker) {
  await customElements.whenDefined(picker.localName);
  await picker.updateComplete; // the picker has started loading what it was just given
  await picker.loadComplete;
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  picker.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
  picker.focus({ preventScroll: true });
}
