/**
 * Security headers on every response (@fastify/helmet): a Content-Security-Policy under which the
 * web app and the Swagger UI at /api/docs both run, no framing (frame-ancestors 'none' and
 * X-Frame-Options: DENY), nosniff, no referrer leaks across origins.
 *
 * Scripts come only from our own origin: the Vite build and Swagger UI load external files, never
 * inline code. Inline *styles* are allowed because ECharts positions its tooltip and React and
 * Swagger UI set `style` attributes; an injected style cannot run code.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export async function registerSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // only behind TLS: on plain http (a LAN address) it would rewrite every asset URL to https
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // a Strict-Transport-Security header on plain http is ignored at best; send it only behind TLS
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600 } : false,
  });
}
