// `npm run job -- <name> [--now <ISO time>]`: runs one scheduled job once, now or for a given
// moment (operators and tests), on the database the configuration names. Claimed like a scheduled
// run, so it never runs twice for the same minute.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { describeConfigProblems, loadConfig } from '../config.js';
import { openBackend } from '../db/backend.js';
import { createJobStore } from '../db/job-store.js';
import { createLogger } from '../logging/logger.js';
import { allJobs } from '../services/jobs/all-jobs.js';
import { runJobOnce } from '../services/jobs/scheduler.js';

async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${describeConfigProblems(loaded.problems)}\n`);
    return 78;
  }
  const config = loaded.config;
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: { now: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  const backend = await openBackend(config.database);
  try {
    const store = createJobStore(backend.rpc);
    const jobs = allJobs(config, store);
    const name = parsed.positionals[0];
    const job = jobs.find((j) => j.name === name);
    if (!job) {
      process.stderr.write(`Usage: npm run job -- <name> [--now <ISO time>]\nJobs: ${jobs.map((j) => j.name).join(', ')}\n`);
      return 2;
    }
    const at = parsed.values.now ? new Date(parsed.values.now) : new Date(Date.now() + config.clockOffsetMs);
    if (Number.isNaN(at.getTime())) {
      process.stderr.write(`--now must be an ISO time such as 2026-12-08T08:00:00+07:00\n`);
      return 2;
    }
    const log = createLogger(config.logLevel, (line) => process.stderr.write(line));
    const result = await runJobOnce(job, at, { store, worker: `cli:${os.hostname()}:${process.pid}`, log });
    process.stdout.write(result ? `${job.name}: ${JSON.stringify(result)}\n` : `${job.name}: already run for ${at.toISOString().slice(0, 16)}\n`);
    return 0;
  } finally {
    await backend.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`The job stopped because of an unexpected error: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
