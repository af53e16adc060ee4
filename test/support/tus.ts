// Reads what the tus server really holds, the way a host's backend would.

/** The bytes of a finished upload, fetched from the tus server. */
export async function serverBytes(uploadUrl: string): Promise<Uint8Array> {
  const response = await fetch(uploadUrl);
  if (!response.ok) throw new Error(`GET ${uploadUrl} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The server's offset and length for an upload (HEAD). */
export async function serverUpload(uploadUrl: string): Promise<{ offset: number; length?: number; metadata: string }> {
  const response = await fetch(uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } });
  if (!response.ok) throw new Error(`HEAD ${uploadUrl} answered ${response.status}`);
  const length = response.headers.get('Upload-Length');
  return {
    offset: Number(response.headers.get('Upload-Offset')),
    length: length === null ? undefined : Number(length),
    metadata: response.headers.get('Upload-Metadata') ?? '',
  };
}

/** Decodes a tus `Upload-Metadata` header into an object. */
export function decodeMetadata(header: string): Record<string, string> {
  return Object.fromEntries(
    header
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [key, value = ''] = pair.trim().split(' ');
        const bytes = Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
        return [key, new TextDecoder().decode(bytes)];
      }),
  );
}

/** SHA-256 of bytes, hex, from WebCrypto: an independent check of the widget's own hash. */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Joins byte arrays. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
