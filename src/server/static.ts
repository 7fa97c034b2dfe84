/**
 * Serves the built web app (web/dist, from `npm run build:web`): hashed files under /assets/ are
 * cached for good, and every other GET outside /api returns index.html, so the app's own URLs
 * (/public/104012/2024, /budgets/…) load directly. Without a build, / says how to make one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function registerStatic(app: FastifyInstance, root = WEB_DIST) {
  const built = existsSync(join(root, 'index.html')) && existsSync(join(root, 'assets'));
  if (built) {
    // wildcard: false registers one route per file, so the fallback below does not shadow them
    await app.register(fastifyStatic, { root: join(root, 'assets'), prefix: '/assets/', wildcard: false, immutable: true, maxAge: '365d' });
  }
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.callNotFound();
    if (!built) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send('<!DOCTYPE html><meta charset="utf-8"><title>yusuan</title><p>网页尚未构建：请运行 <code>npm run build:web</code>。API 文档见 <a href="/api/docs">/api/docs</a>。</p>');
    }
    // cacheControl: false, or sendFile's own default (the assets' max-age, immutable) replaces ours:
    // a browser would then keep an index.html whose bundles the next upgrade deletes
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', root, { cacheControl: false });
  });
}
