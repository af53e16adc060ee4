import { Sha256 } from './sha256.js';

/** SHA-256 (hex) of everything `stream` yields, hashed as it arrives: the bytes are never held whole. */
export async function sha256OfStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const hash = new Sha256();
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) hash.update(read.value);
  return hash.hex();
}
