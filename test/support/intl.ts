// Comparing Intl output in tests.

/** ICU puts no-break and narrow no-break spaces in formatted output; tests compare with plain spaces. */
export const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
