import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

const CSP = "default-src 'self';base-uri 'self';font-src 'self';form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'";

describe('security headers', () => {
  it('over plain HTTP: the policy without HSTS, and X-Powered-By removed', () => {
    const { set, removed } = securityHeaders({ secure: false });
    expect(set['content-security-policy']).toBe(CSP);
    expect([set['x-frame-options'], set['referrer-policy'], set['x-content-type-options']]).toEqual(['SAMEORIGIN', 'same-origin', 'nosniff']);
    expect(set['strict-transport-security']).toBeUndefined();
    expect(removed).toEqual(['x-powered-by']);
  });

  it('behind HTTPS: HSTS for a year and upgrade-insecure-requests', () => {
    const { set } = securityHeaders({ secure: true });
    expect(set['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(set['content-security-policy']).toBe(`${CSP};upgrade-insecure-requests`);
  });
});
