/**
 * A `tel:` link for a phone number as a clinic writes it, `(615) 555-0142 ext. 12` is `tel:6155550142,12`: the
 * digits (and a leading `+`), then the extension after a pause (`,`), which phones dial once the call connects.
 */
export function telHref(phone: string): string {
  const [number = '', extension] = phone.split(/\s*(?:x|ext\.?)\s*/i);
  const digits = number.replace(/[^\d+]/g, '');
  const ext = extension?.replace(/\D/g, '');
  return `tel:${digits}${ext ? `,${ext}` : ''}`;
}
