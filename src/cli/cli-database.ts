// The database a command-line tool works on: the same one the bot would open from the same
// environment (.env included), through the same configuration and backend code.
import { existsSync } from 'node:fs';
import { describeConfigProblems, loadConfig } from '../config.js';
import { openBackend, type Backend } from '../db/backend.js';

/** Opens the configured database, or prints the configuration problems and returns null. */
export async function openCliDatabase(): Promise<Backend | null> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(describeConfigProblems(loaded.problems));
    return null;
  }
  return openBackend(loaded.config.database);
}
