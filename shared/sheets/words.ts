/**
 * Words as a header or a status is compared: lower case, ё as е, punctuation as spaces, spaces
 * collapsed. "Г.р.", "г. р." and "гр" all become "г р" / "гр", so both spellings are listed.
 */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}
