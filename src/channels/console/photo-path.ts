// A terminal cannot send a photo, so "/anh <path or URL>" stands in for one. A path is checked
// before it goes on: a file that is not there (or is no picture) must not become "Photo: yes".
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** What is wrong with a photo reference typed in the terminal, if anything. */
export type PhotoPathProblem = 'missing' | 'not_image' | null;

const IMAGE = new Set(['.jpg', '.jpeg', '.png', '.gif', '.webp', '.heic', '.heif', '.bmp']);

/** Checks "/anh <ref>": a web address is taken as it is; a path must be an existing picture file. */
export async function checkPhotoPath(ref: string): Promise<PhotoPathProblem> {
  if (/^https?:\/\//i.test(ref)) return null;
  const file = ref.replace(/^~(?=\/)/, process.env.HOME ?? '~');
  const found = await stat(file).catch(() => null);
  if (!found?.isFile()) return 'missing';
  return IMAGE.has(path.extname(file).toLowerCase()) ? null : 'not_image';
}
