// Saving the report in the browser build: the service returns its HTML and the browser downloads it under the
// suggested name (a local blob: link, nothing leaves the machine). In the desktop app the service writes the file.

export function downloadReport(html: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the blob is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The default file to write in the desktop app: the suggested name in the default export folder. */
export function defaultReportPath(folder: string, fileName: string): string {
  if (folder === '') return '';
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${fileName}`;
}
