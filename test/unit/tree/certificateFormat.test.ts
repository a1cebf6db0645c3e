// A certificate's row and tooltip: type, domains, days left (warning under 14 days, error once
// expired), a managed certificate's issuance, where it is used; text from the API escaped.
import * as assert from 'node:assert/strict';
import type { Certificate } from '../../../src/api/types';
import { certificateDescription, certificateExpiry, certificateIconState, certificateTooltip } from '../../../src/tree/certificateFormat';

const NOW = new Date('2026-11-30T12:00:00Z');
const DAY = 86_400_000;
const uploaded = (daysLeft: number, extra: Partial<Certificate> = {}): Certificate => ({
  id: 201,
  name: 'site*[x](http://evil)',
  labels: { env: 'prod' },
  type: 'uploaded',
  certificate: '-----BEGIN CERTIFICATE-----',
  created: new Date('2026-01-01T00:00:00Z'),
  notValidBefore: new Date('2026-01-01T00:00:00Z'),
  notValidAfter: new Date(NOW.getTime() + daysLeft * DAY),
  domainNames: ['example.com', 'www.example.com'],
  fingerprint: 'ab:cd',
  usedBy: [],
  ...extra,
});
const lookup = { serverName: () => undefined, floatingIp: () => undefined, loadBalancerName: (id: number) => (id === 7 ? 'lb-web' : undefined) };

describe('certificate format', () => {
  it('days left: ok from 14 days, a warning under 14, an error once expired', () => {
    assert.deepEqual(certificateExpiry(uploaded(30.5), NOW), { text: 'expires in 30 days', level: 'ok' });
    assert.deepEqual(certificateExpiry(uploaded(14), NOW), { text: 'expires in 14 days', level: 'ok' });
    assert.deepEqual(certificateExpiry(uploaded(12.2), NOW), { text: 'expires in 12 days', level: 'warning' });
    assert.deepEqual(certificateExpiry(uploaded(1.5), NOW), { text: 'expires in 1 day', level: 'warning' });
    assert.deepEqual(certificateExpiry(uploaded(0.5), NOW), { text: 'expires today', level: 'warning' });
    assert.deepEqual(certificateExpiry(uploaded(-3.5), NOW), { text: 'expired 3 days ago', level: 'expired' });
    assert.deepEqual(certificateIconState(uploaded(100), NOW).level, 'ok');
    assert.deepEqual(certificateIconState(uploaded(5), NOW), { icon: 'warning', level: 'warning' });
    assert.deepEqual(certificateIconState(uploaded(-1), NOW), { icon: 'error', level: 'error' });
  });

  it('the row: type, domains, days left, users by Load Balancer name (id otherwise)', () => {
    const used = uploaded(12.2, { usedBy: [{ id: 7, type: 'load_balancer' }, { id: 8, type: 'load_balancer' }] });
    assert.equal(certificateDescription(used, lookup, NOW), 'uploaded · example.com, www.example.com · expires in 12 days · used by lb-web, Load Balancer 8');
    assert.equal(certificateDescription(uploaded(40), lookup, NOW), 'uploaded · example.com, www.example.com · expires in 40 days · unused');
  });

  it('a managed certificate: pending (no dates yet), failed with the API error, completed', () => {
    const pending = uploaded(0, { type: 'managed', notValidAfter: undefined, notValidBefore: undefined, fingerprint: undefined, status: { issuance: 'pending', renewal: 'unavailable' } });
    assert.equal(certificateDescription(pending, lookup, NOW), 'managed · issuance pending · example.com, www.example.com · unused');
    assert.deepEqual(certificateIconState(pending, NOW), { icon: 'watch', level: 'pending' });
    const error = { code: 'caa_record_does_not_allow_ca', message: 'CAA record does not allow the CA' };
    const failed = { ...pending, status: { issuance: 'failed', renewal: 'unavailable', error } };
    assert.equal(certificateDescription(failed, lookup, NOW), 'managed · issuance failed: CAA record does not allow the CA · example.com, www.example.com · unused');
    assert.deepEqual(certificateIconState(failed, NOW), { icon: 'error', level: 'error' });
    assert.match(certificateTooltip(failed, lookup, NOW), /Issuance: failed — CAA record does not allow the CA \(`caa_record_does_not_allow_ca`\)/);
    const done = uploaded(80, { type: 'managed', status: { issuance: 'completed', renewal: 'unavailable' } });
    assert.equal(certificateDescription(done, lookup, NOW), 'managed · example.com, www.example.com · expires in 80 days · unused');
  });

  it('the tooltip: fingerprint, dates, users, labels; the name escaped', () => {
    const tip = certificateTooltip(uploaded(12.2, { usedBy: [{ id: 7, type: 'load_balancer' }] }), lookup, NOW);
    assert.ok(tip.startsWith('**site\\*\\[x\\]\\(http\\:\\/\\/evil\\)** — uploaded certificate'), tip);
    assert.match(tip, /Fingerprint \(SHA-256\): `ab:cd`/);
    assert.match(tip, /Valid until: 2026-12-12 \(expires in 12 days\)/);
    assert.match(tip, /Used by: lb\\-web/);
    assert.match(tip, /Labels: env\\=prod/);
  });
});
