// /report-file?t=<token>: the files of a report behind the links a Zalo officer gets (Zalo's bot
// cannot send a file). A download link works once and for a short time: GET shows a page with a
// download button (so a link preview that fetches the page uses nothing up) and POST sends the
// file and uses the link up; a used or expired link answers 410, an unknown one 404. The chart
// (a photo Zalo fetches by URL) is served by GET until it expires. Tokens are checked by their
// hash in Postgres, so any process behind a load balancer serves any link.
import type { RouteHandler } from './http-server.js';
import { failureCode } from './failure.js';
import type { Logger } from '../logging/logger.js';

/** What following a link found (the report service's answer). */
export type LinkLookup = { status: 'ok'; name: string; contentType: string; bytes: Buffer } | { status: 'used' | 'expired' | 'unknown' };

/** The texts of the pages the route shows, in the deployment's language. */
export interface LinkPageTexts {
  download: (name: string) => string;
  button: string;
  used: string;
  expired: string;
  unknown: string;
}

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The methods the route answers. */
export const REPORT_LINK_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** The route; `take` looks the token up (`consume`: send the bytes and use a download link up). */
export function reportLinkRoute(o: { take: (token: string, consume: boolean) => Promise<LinkLookup>; texts: LinkPageTexts; log: Logger }): RouteHandler {
  return (req, res) => {
    req.resume();
    const query = (req.url ?? '').split('?')[1] ?? '';
    const token = new URLSearchParams(query).get('t') ?? '';
    const page = (status: number, body: string) => {
      if (res.headersSent || res.destroyed) return;
      const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(o.texts.button)}</title></head><body style="font-family:sans-serif;margin:2em">${body}</body></html>`;
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end(req.method === 'HEAD' ? undefined : html);
    };
    const refusal = (status: 'used' | 'expired' | 'unknown') => page(status === 'unknown' ? 404 : 410, `<p>${escapeHtml(o.texts[status])}</p>`);
    if (!TOKEN.test(token)) return refusal('unknown');
    const post = req.method === 'POST';
    void (async () => {
      // GET of a photo sends it (Zalo fetches the chart by URL); GET of a download only shows its page.
      let found = await o.take(token, post);
      if (found.status !== 'ok') return refusal(found.status);
      const inline = found.contentType.startsWith('image/');
      if (!post && inline && req.method === 'GET') found = await o.take(token, true);
      if (found.status !== 'ok') return refusal(found.status);
      if (!post && !(inline && req.method === 'GET')) {
        const action = `?t=${token}`;
        return page(
          200,
          `<p>${escapeHtml(o.texts.download(found.name))}</p><form method="post" action="${escapeHtml(action)}"><button type="submit" style="font-size:1.2em;padding:.5em 1em">${escapeHtml(o.texts.button)}</button></form>`,
        );
      }
      if (res.headersSent || res.destroyed) return;
      res
        .writeHead(200, {
          'content-type': found.contentType,
          'content-length': String(found.bytes.length),
          'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${found.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        })
        .end(found.bytes);
    })().catch((err: unknown) => {
      o.log.error('report.link_failed', { code: failureCode(err) });
      if (!res.headersSent && !res.destroyed) res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('503\n');
    });
  };
}
