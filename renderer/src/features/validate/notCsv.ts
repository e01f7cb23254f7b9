// Pure: recognises a file that is not a CSV at all (JSON, an image, a PDF, a workbook, an archive) from its first
// bytes, so the Validate screen can say so instead of checking it as a CSV whose header is wrong.

interface Signature {
  /** The file's first bytes (its "magic number"). */
  bytes: readonly number[];
  what: string;
}

const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'a media file (WebP image, WAV sound)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  // xlsx is a ZIP: the commonest way a spreadsheet of the rows arrives instead of its CSV.
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive or an Excel workbook: save the sheet as "CSV UTF-8"' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls): save the sheet as "CSV UTF-8"' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive: unpack it first' },
];

/** How many first bytes `notCsvReason` looks at. */
export const SIGNATURE_BYTES = 8;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.length <= bytes.length && signature.every((byte, index) => bytes[index] === byte);
}

/**
 * Why the file is not a CSV, or null when it may be one (then the validator judges it, bad header and all). A
 * BalkanID CSV starts with its header row, `App,…`: text that opens with `{`, `[` or `<` is JSON, HTML or XML.
 */
export function notCsvReason(firstBytes: Uint8Array, headText: string): string | null {
  const signature = SIGNATURES.find((candidate) => startsWith(firstBytes, candidate.bytes));
  if (signature) return `it is ${signature.what}`;
  const text = headText.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'it is JSON, not comma-separated rows';
  if (text.startsWith('<')) return 'it is HTML, XML or SVG, not comma-separated rows';
  return null;
}
