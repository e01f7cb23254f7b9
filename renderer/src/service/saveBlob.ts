// Hands a file made in the page to the browser's download (Save) handling, under the given name.

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, not now: the browser reads the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
