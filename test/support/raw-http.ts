// HTTP from raw sockets, for requests no HTTP client would send: broken request lines, absurd
// methods, huge headers, bodies that never end, clients that send a byte now and then or nothing.
import net from 'node:net';

/** What came back on one raw connection. */
export interface RawAnswer {
  /** The status code of the first response line; null when none came. */
  status: number | null;
  text: string;
  /** Whether the server closed (or reset) the connection before we gave up. */
  closed: boolean;
  /** Milliseconds from connect to the first response byte (or to the close). */
  ms: number;
}

const statusOf = (text: string) => {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return m ? Number(m[1]) : null;
};

/**
 * Writes `data` on a fresh connection and collects the answer until the server closes the
 * connection, or a full response head has arrived and `settleMs` passed, or `waitMs` passed.
 */
export function rawRequest(port: number, data: string | Buffer, options: { waitMs?: number; settleMs?: number } = {}): Promise<RawAnswer> {
  const waitMs = options.waitMs ?? 5_000;
  return new Promise((resolve) => {
    const started = performance.now();
    let text = '';
    let first: number | null = null;
    let done = false;
    const socket = net.connect(port, '127.0.0.1');
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: statusOf(text), text, closed, ms: Math.round((first ?? performance.now()) - started) });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      first ??= performance.now();
      text += chunk;
      if (text.includes('\r\n\r\n')) setTimeout(() => finish(false), options.settleMs ?? 100);
    });
    socket.on('connect', () => socket.write(data));
  });
}

/** A connection held open by a client that sends `head` and then `drip` every `everyMs`; resolves when the server ends it. */
export function slowClient(port: number, head: string, everyMs: number, giveUpMs: number, drip = 'X'): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const started = performance.now();
    let text = '';
    let done = false;
    const socket = net.connect(port, '127.0.0.1');
    const ticker = setInterval(() => {
      if (socket.writable) socket.write(drip);
    }, everyMs);
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearInterval(ticker);
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: statusOf(text), text, closed, ms: Math.round(performance.now() - started) });
    };
    const timer = setTimeout(() => finish(false), giveUpMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => socket.write(head));
  });
}
