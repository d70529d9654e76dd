import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { problemDocument } from '../problems.js';
import { sendProblem } from '../error-handler.js';

export interface WebPluginOptions {
  webDir: string;
}

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Baton</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Baton is running</h1>
<p>The web app has not been built yet. Run <code>pnpm build</code> in the repository, then reload.</p>
<p>The API is up: <a href="/api/docs">/api/docs</a>, <a href="/api/flows">/api/flows</a>.</p>
</body></html>`;

/** API and webhook paths answer problem+json when nothing matches; everything else is the SPA's. */
function isApiPath(url: string): boolean {
  return /^\/(api|hooks)(\/|$|\?)/.test(url) || url === '/healthz' || url === '/readyz';
}

/**
 * Serves the web build on the same port, and owns the app's not-found handler since it decides
 * which unknown paths are the SPA's. A GET of any other path without a file gets
 * `index.html`, so client-side routes survive a reload. Without a build, a page says how to make one.
 */
export const webPlugin = fp<WebPluginOptions>(
  async (app, options) => {
    const hasBuild = existsSync(join(options.webDir, 'index.html'));
    if (hasBuild) {
      await app.register(fastifyStatic, { root: options.webDir, wildcard: false, index: ['index.html'] });
    } else {
      app.log.warn({ webDir: options.webDir }, 'web build not found; serving a placeholder page');
    }
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      // A missing asset (`/assets/x.js`) is a 404, not the app's HTML under a script's name.
      const looksLikeFile = /\.[A-Za-z0-9]+$/.test(path);
      const wantsPage =
        (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(path) && !looksLikeFile;
      if (!wantsPage) {
        return sendProblem(
          reply,
          problemDocument(404, 'not_found', `no route for ${request.method} ${path}`),
        );
      }
      if (hasBuild) return reply.sendFile('index.html');
      return reply.type('text/html; charset=utf-8').send(MISSING_BUILD_PAGE);
    });
  },
  { name: 'baton-web', fastify: '5.x' },
);
