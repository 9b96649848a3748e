// Where the project's own files are, wherever the process was started from.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (two levels above src/db). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The Supabase folder: migrations and seed, shared with the supabase CLI. */
export const supabaseDir = path.join(projectRoot, 'supabase');
