/**
 * Validators for public responses: a strong ETag (sha1 of the body) on every cacheable GET, and
 * 304 Not Modified when the client already holds those bytes. Private responses (no-store) are
 * left alone.
 */
import { hash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export function registerEtags(app: FastifyInstance) {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done(null, payload);
    if (reply.statusCode !== 200) return done(null, payload);
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (!cacheControl.startsWith('public')) return done(null, payload);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    const etag = `"${hash('sha1', payload, 'base64url')}"`;
    reply.header('etag', etag);
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      reply.code(304);
      return done(null, '');
    }
    done(null, payload);
  });
}
