import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/services/rate-limiter.js';

// The platform counts a call when it arrives, somewhere between the moment it leaves the pacer and
// its answer: on a busy machine some are held back and arrive together with later ones.
describe('the send pacer', () => {
  it('holds the rate and never puts more than the rate in one second of the platform, however late calls arrive', async () => {
    const limiter = new RateLimiter(30);
    const arrivals: number[] = [];
    // every fifth call is held back 40 ms before it arrives; the answer comes 2 ms after arrival
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        limiter.run(async () => {
          await new Promise((r) => setTimeout(r, i % 5 === 0 ? 40 : 1));
          arrivals.push(performance.now());
          await new Promise((r) => setTimeout(r, 2));
        }),
      ),
    );
    arrivals.sort((a, b) => a - b);
    for (let i = 30; i < arrivals.length; i++) expect(arrivals[i]! - arrivals[i - 30]!).toBeGreaterThanOrEqual(1000);
    const rate = (arrivals.length - 1) / ((arrivals.at(-1)! - arrivals[0]!) / 1000);
    expect(rate).toBeGreaterThanOrEqual(28.5);
  });

  it('waits out a retry_after once, however many calls were answered 429 together', async () => {
    const limiter = new RateLimiter(30);
    await limiter.run(async () => undefined);
    limiter.pause(300);
    limiter.pause(300);
    const start = performance.now();
    await limiter.run(async () => undefined);
    const waited = performance.now() - start;
    expect(waited).toBeGreaterThanOrEqual(295);
    expect(waited).toBeLessThan(450);
  });
});
