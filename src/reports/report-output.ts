// Report builders write to a stream (a file, an HTTP response, an upload). A chat API that wants
// the file's bytes at once (Telegram's sendDocument with a Buffer) gets them through this.
import { PassThrough, type Writable } from 'node:stream';

/** Runs a builder into memory and returns the bytes it wrote. */
export async function writeToBuffer(build: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await build(out);
  return Buffer.concat(chunks);
}
