import * as assert from 'node:assert/strict';
import type { FloatingIp, Image, Server } from '../../../src/api/types';
import {
  floatingIpDescription,
  floatingIpTooltip,
  formatBytes,
  formatMoney,
  imageDescription,
  imageTooltip,
  labelsLine,
  matchesFilter,
  serverDescription,
  serverTooltip,
  serverTypeDescription,
  sshKeyTooltip,
  type Lookup,
} from '../../../src/tree/format';

const fsn1 = { id: 1, name: 'fsn1', description: 'Falkenstein DC Park 1', country: 'DE', city: 'Falkenstein', latitude: 0, longitude: 0 };
const cx21 = {
  id: 3,
  name: 'cx21',
  description: 'CX21',
  cores: 2,
  memory: 4,
  disk: 40,
  prices: [
    { location: 'fsn1', hourly: { net: 0.008, gross: 0.0095, currency: 'EUR' }, monthly: { net: 4.85, gross: 5.77, currency: 'EUR' } },
    { location: 'hel1', hourly: { net: 0.007, gross: 0.0083, currency: 'EUR' }, monthly: { net: 4.15, gross: 4.94, currency: 'EUR' } },
  ],
  storageType: 'local',
  cpuType: 'shared',
};

function server(patch: Partial<Server> = {}): Server {
  return {
    id: 42,
    name: 'web-1',
    status: 'running',
    created: new Date('2025-03-01T10:00:00Z'),
    publicNet: { ipv4: { ip: '203.0.113.5', blocked: false }, ipv6: { ip: '2001:db8::/64', blocked: false, dnsPtr: [] }, floatingIpIds: [7] },
    serverType: cx21,
    datacenter: { id: 2, name: 'fsn1-dc14', description: 'Falkenstein 1 DC14', location: fsn1, serverTypes: { supported: [], available: [] } },
    location: fsn1,
    image: { id: 5, type: 'system', status: 'available', name: 'ubuntu-22.04', description: 'Ubuntu 22.04', diskSize: 5, created: new Date(0), osFlavor: 'ubuntu', rapidDeploy: true, protection: { delete: false } },
    rescueEnabled: false,
    locked: false,
    backupWindow: '22-02',
    outgoingTraffic: 1536 * 1024 ** 3,
    includedTraffic: 20 * 1024 ** 4,
    protection: { delete: true, rebuild: false },
    ...patch,
  };
}

const lookup: Lookup = {
  serverName: (id) => (id === 42 ? 'web-1' : undefined),
  floatingIp: (id) => (id === 7 ? '198.51.100.7' : undefined),
};

describe('tree format', () => {
  it('formats bytes in binary units', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(1536 * 1024 ** 3), '1.5 TiB');
    assert.equal(formatBytes(20 * 1024 ** 4), '20 TiB');
  });

  it('formats money with the euro sign, small amounts with more digits', () => {
    assert.equal(formatMoney({ net: 4.85, gross: 5.77, currency: 'EUR' }), '€5.77');
    assert.equal(formatMoney({ net: 0.008, gross: 0.0095, currency: 'EUR' }), '€0.0095');
    assert.equal(formatMoney({ net: 1, gross: 1.19, currency: 'USD' }), '1.19 USD');
    assert.equal(formatMoney(undefined), 'no price');
  });

  it('describes a server by public IPv4, type and location', () => {
    assert.equal(serverDescription(server()), '203.0.113.5 · cx21 · fsn1');
    assert.equal(serverDescription(server({ publicNet: { floatingIpIds: [] }, location: undefined })), 'cx21 · fsn1');
  });

  it('puts the fields a user looks for in the server tooltip', () => {
    const t = serverTooltip(server(), lookup);
    assert.match(t, /IPv4: `203\.0\.113\.5`/);
    assert.match(t, /IPv6: `2001:db8::\/64`/);
    assert.match(t, /Floating IPs: `198\.51\.100\.7`/);
    assert.match(t, /Type: cx21 \(2 vCPU, 4 GB RAM, 40 GB disk\)/);
    assert.match(t, /Datacenter: fsn1-dc14 \(fsn1 \(Falkenstein\)\)/);
    assert.match(t, /Image: ubuntu-22\.04/);
    assert.match(t, /ISO: none/);
    assert.match(t, /Rescue: off/);
    assert.match(t, /Backups: window 22-02 UTC/);
    assert.match(t, /Traffic: 1\.5 TiB of 20 TiB included/);
    assert.match(t, /Protection: protected against delete/);
    assert.match(t, /Created: 2025-03-01/);
  });

  it('falls back to the location when the API sends no datacenter, and to ids without lookups', () => {
    const t = serverTooltip(server({ datacenter: undefined, rescueEnabled: true, locked: true, outgoingTraffic: undefined }));
    assert.doesNotMatch(t, /Datacenter/);
    assert.match(t, /Location: fsn1 \(Falkenstein\)/);
    assert.match(t, /Floating IPs: `#7`/);
    assert.match(t, /Rescue: enabled/);
    assert.match(t, /locked/);
    assert.match(t, /Traffic: unknown of 20 TiB included/);
  });

  it('describes a Floating IP: assigned by server name or unassigned, home location, protection', () => {
    const fip: FloatingIp = { id: 7, ip: '198.51.100.7', type: 'ipv4', serverId: 42, dnsPtr: [], homeLocation: fsn1, blocked: false, protection: { delete: false }, description: 'frontend' };
    assert.equal(floatingIpDescription(fip, lookup), '→ web-1 · fsn1 · frontend');
    assert.equal(floatingIpDescription({ ...fip, serverId: undefined, description: undefined, protection: { delete: true } }, lookup), 'unassigned · fsn1 · protected');
    const t = floatingIpTooltip(fip, lookup);
    assert.match(t, /Server: assigned to web-1/);
    assert.match(t, /Home location: fsn1/);
    assert.match(t, /Protection: none/);
  });

  it('describes images: size, origin by server name, created, protection, deprecated', () => {
    const snap: Image = { id: 9, type: 'snapshot', status: 'available', description: 'before upgrade', imageSize: 2.4, diskSize: 40, created: new Date('2026-01-02T00:00:00Z'), createdFrom: { id: 42, name: 'web-1' }, osFlavor: 'ubuntu', rapidDeploy: false, protection: { delete: true } };
    assert.equal(imageDescription(snap, lookup), '2.4 GB · from web-1 · 2026-01-02 · protected');
    const backup: Image = { ...snap, type: 'backup', status: 'creating', boundTo: 42, protection: { delete: false }, imageSize: undefined };
    assert.equal(imageDescription(backup, lookup), 'creating · bound to web-1 · 2026-01-02');
    const t = imageTooltip({ ...snap, deprecated: new Date('2026-06-01T00:00:00Z') }, lookup);
    assert.match(t, /Type: snapshot/);
    assert.match(t, /Size: 2\.4 GB/);
    assert.match(t, /Created from: web-1/);
    assert.match(t, /Deprecated since 2026-06-01/);
  });

  it('describes a server type with its specs and cheapest monthly price', () => {
    assert.equal(serverTypeDescription(cx21), '2 vCPU · 4 GB · 40 GB · from €4.94/mo');
  });

  it('filters case-insensitively on any field; an empty filter matches all', () => {
    assert.equal(matchesFilter(undefined, 'web-1'), true);
    assert.equal(matchesFilter('  ', 'web-1'), true);
    assert.equal(matchesFilter('WEB', 'web-1', 'running'), true);
    assert.equal(matchesFilter('off', 'web-1', 'running'), false);
    assert.equal(matchesFilter('off', 'ci-runner', 'off'), true);
  });
});

describe('tree format: labels in tooltips', () => {
  const fip: FloatingIp = {
    id: 7,
    ip: '198.51.100.7',
    type: 'ipv4',
    dnsPtr: [],
    homeLocation: fsn1,
    blocked: false,
    protection: { delete: false },
  };
  const image: Image = { id: 9, type: 'snapshot', status: 'available', description: 'golden', diskSize: 20, created: new Date(0), osFlavor: 'ubuntu', rapidDeploy: false, protection: { delete: false } };
  const key = { id: 3, name: 'me', fingerprint: 'aa:bb', publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG me@host' };

  it('one line, sorted by key; an empty value shows as the key alone; none when empty', () => {
    assert.equal(labelsLine({ tier: 'web', env: 'prod', canary: '' }), 'Labels: canary, env=prod, tier=web');
    assert.equal(labelsLine({}), 'Labels: none');
    assert.equal(labelsLine(undefined), undefined);
  });

  it('in the tooltips of servers, Floating IPs, images and SSH keys (today\'s API); no line where the API has no labels (2018)', () => {
    const labels = { env: 'prod', 'example.com/team': 'ops' };
    const line = 'Labels: env=prod, example.com/team=ops';
    assert.ok(serverTooltip(server({ labels })).split('  \n').includes(line));
    assert.ok(floatingIpTooltip({ ...fip, labels }).split('  \n').includes(line));
    assert.ok(imageTooltip({ ...image, labels }).split('  \n').includes(line));
    assert.ok(sshKeyTooltip({ ...key, labels }).split('  \n').includes(line));
    for (const tooltip of [serverTooltip(server()), floatingIpTooltip(fip), imageTooltip(image), sshKeyTooltip(key)]) assert.doesNotMatch(tooltip, /Labels/);
  });

  it('escapes Markdown in keys and values (they come from the API)', () => {
    assert.equal(labelsLine({ '*b*': '[x](http://e.example)' }), 'Labels: \\*b\\*=\\[x\\](http://e.example)');
    assert.equal(labelsLine({ 'a|b': '<img src=x>' }), 'Labels: a\\|b=\\<img src=x\\>');
    assert.equal(labelsLine({ '`c`': '_d_\\' }), 'Labels: \\`c\\`=\\_d\\_\\\\');
  });
});
