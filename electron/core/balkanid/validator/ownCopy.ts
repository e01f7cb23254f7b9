// A string that owns only its own characters.

/**
 * Cells are slices of a large decoded text; keeping a slice (or a message built from one) would keep the whole text
 * alive. Concatenating and slicing again makes V8 copy the characters into a string of their own.
 */
export function ownCopy(text: string): string {
  return (text + ' ').slice(0, -1);
}
