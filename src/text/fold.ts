/**
 * Vietnamese text without diacritics, lower case: "Sinh hoạt Đảng" → "sinh hoat dang".
 * NFD strips the combining marks; đ/Đ is a letter of its own and needs mapping.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** A folded key for matching headers and values: runs of non-alphanumerics become "_". */
export function foldKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
