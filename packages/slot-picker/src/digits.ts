const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * Every decimal digit in `text` (Eastern Arabic `٦`, Devanagari `६`, full-width `６`, ...) as its ASCII digit, so a
 * patient types numbers in their own script. Unicode keeps each script's digits as contiguous runs of ten, 0 to 9
 * (a stability policy), so a digit's value is its distance from the start of its run of digits, modulo ten.
 */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    let start = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((code - start) % 10);
  });
}
