/**
 * Hands a file fetched through the API client to the browser as a download. Files behind the Bearer token cannot
 * be plain links (the access token lives in memory only), so they are fetched and saved from a Blob.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a `Content-Disposition` header suggests (`filename*=UTF-8''…` or `filename="…"`), else `fallback`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*(?:UTF-8)?''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return safeName(decodeURIComponent(encoded[1].trim()), fallback);
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition);
  return safeName((plain?.[1] ?? plain?.[2] ?? '').trim(), fallback);
}

/** Only a bare name: never a path. */
function safeName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? fallback : base;
}
