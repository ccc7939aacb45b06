/** UTF-8 byte length of a string without encoding it (text frames and event streams are sized this way). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      i++; // a surrogate pair is one 4-byte character
      bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}
