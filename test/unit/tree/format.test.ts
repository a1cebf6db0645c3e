import * as assert from 'node:assert/strict';
import type { FloatingIp, Image, Pricing, Server, ServerType } from '../../../src/api/types';
import { formatAmount, formatHourly, formatMonthly, formatMonthlyNet, formatPriceDetail, formatRate } from '../../../src/shared/price';
import {
  floatingIpDescription,
  floatingIpTooltip,
  formatBytes,
  isoTooltip,
  priceRows,
  imageDescription,
  imageTooltip,
  labelsLine,
  matchesFilter,
  serverDescription,
  serverTooltip,
  serverTypeDescription,
  serverTypePriceText,
  serverTypeTooltip,
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

  it('formats prices one way: gross per month with two decimals, net and hourly (four decimals) for details', () => {
    const monthly = { net: 2.9573, gross: 3.5192, currency: 'EUR' };
    const hourly = { net: 0.0047, gross: 0.00559, currency: 'EUR' };
    assert.equal(formatMonthly(monthly), '€3.52/mo');
    assert.equal(formatMonthlyNet(monthly), '€2.96/mo net');
    assert.equal(formatHourly(hourly), '€0.0056/h');
    assert.equal(formatPriceDetail(monthly, hourly), '€3.52/mo (€2.96/mo net, €0.0056/h)');
    assert.equal(formatPriceDetail(monthly), '€3.52/mo (€2.96/mo net)');
    assert.equal(formatMonthly({ net: 5, gross: 5.95, currency: 'USD' }), '5.95 USD/mo');
    assert.equal(formatAmount(3, 'EUR'), '€3.00');
    assert.equal(formatMonthly(undefined), 'price unknown');
    assert.equal(formatHourly(undefined), 'price unknown');
    assert.equal(formatRate({ net: 1, gross: 1.19, currency: 'EUR' }, 'TB'), '€1.19 per TB');
    assert.equal(formatRate({ net: 0.01, gross: 0.0119, currency: 'EUR' }, 'GB/mo'), '€0.0119 per GB/mo', 'a rate below one euro keeps four decimals');
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
    assert.doesNotMatch(t, /Name:/, 'the 2018 contract has no Floating IP names');
    assert.ok(floatingIpTooltip({ ...fip, name: 'front_*end*' }, lookup).split('  \n').includes('Name: front\\_\\*end\\*'), "today's API: the name, escaped");
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
    const sameEverywhere = { ...cx21, prices: cx21.prices.map((p) => ({ ...p, monthly: cx21.prices[0].monthly })) };
    assert.equal(serverTypeDescription(sameEverywhere), '2 vCPU · 4 GB · 40 GB · €5.77/mo', 'no "from" when every location costs the same');
  });

  describe("server types of today's API", () => {
    const NOW = new Date('2026-11-20T00:00:00Z');
    const cax11: ServerType = {
      ...cx21,
      id: 45,
      name: 'cax11',
      description: 'CAX11',
      architecture: 'arm',
      prices: [
        { ...cx21.prices[0], location: 'fsn1', includedTraffic: 20 * 1024 ** 4, perTbTraffic: { net: 1, gross: 1.19, currency: 'EUR' } },
        { ...cx21.prices[1], location: 'hel1' },
        { ...cx21.prices[1], location: 'ash' },
      ],
      locations: [
        { id: 1, name: 'fsn1', available: true, recommended: true },
        { id: 3, name: 'hel1', available: true, recommended: false, deprecation: { announced: new Date('2026-09-01T00:00:00Z'), unavailableAfter: new Date('2027-01-31T00:00:00Z') } },
        { id: 4, name: 'ash', available: false, recommended: false },
        { id: 2, name: 'nbg1', available: true, recommended: false },
      ],
    };

    it('rows per location: price, hourly, availability and deprecation; the description names the architecture', () => {
      assert.equal(serverTypeDescription(cax11), '2 vCPU · 4 GB · 40 GB · arm · from €4.94/mo');
      assert.equal(serverTypePriceText(cax11, cax11.prices[0], NOW), '€5.77/mo · €0.0095/h');
      assert.equal(serverTypePriceText(cax11, cax11.prices[1], NOW), '€4.94/mo · €0.0083/h · deprecated, unavailable after 2027-01-31');
      assert.equal(serverTypePriceText(cax11, cax11.prices[2], NOW), '€4.94/mo · €0.0083/h · not available');
      assert.equal(serverTypePriceText(cax11, cax11.prices[1], new Date('2027-02-01T00:00:00Z')), '€4.94/mo · €0.0083/h · not available', 'after its date');
      assert.equal(serverTypePriceText(cx21 as ServerType, cx21.prices[0], NOW), '€5.77/mo · €0.0095/h', '2018: no availability per location');
    });

    it('the tooltip: architecture, net and hourly price, traffic, availability and deprecation per location', () => {
      const lines = serverTypeTooltip(cax11, NOW).split('  \n');
      assert.ok(lines.includes('Specs: 2 vCPU, 4 GB RAM, 40 GB disk (shared CPU, local storage, arm)'), lines.join('\n'));
      assert.ok(lines.includes('- fsn1: €5.77/mo (€4.85/mo net, €0.0095/h) · 20 TiB traffic included, €1.19 per TB beyond'), lines.join('\n'));
      assert.ok(lines.includes('- hel1: €4.94/mo (€4.15/mo net, €0.0083/h) · deprecated, unavailable after 2027-01-31'), lines.join('\n'));
      assert.ok(lines.includes('- ash: €4.94/mo (€4.15/mo net, €0.0083/h) · not available'), lines.join('\n'));
      assert.ok(lines.includes('- nbg1: available, no price'), lines.join('\n'));
      const old = serverTypeTooltip({ ...cax11, deprecation: { announced: new Date('2026-01-01T00:00:00Z'), unavailableAfter: new Date('2026-12-31T00:00:00Z') } }, NOW);
      assert.match(old, /This type is deprecated, unavailable after 2026-12-31/);
      assert.doesNotMatch(serverTypeTooltip(cx21 as ServerType), /available|arm|x86/);
    });

    it('an ISO tooltip names its architecture (any when the API gives none) and its deprecation, escaped', () => {
      const iso = { id: 1, name: 'virtio-win*', description: 'Virtio [drivers]', type: 'public' };
      assert.match(isoTooltip(iso), /Architecture: any/);
      assert.match(isoTooltip(iso), /\*\*virtio-win\\\*\*\*/);
      assert.match(isoTooltip(iso), /Description: Virtio \\\[drivers\\\]/);
      const dep = isoTooltip({ ...iso, architecture: 'arm', deprecation: { announced: new Date('2026-03-01T00:00:00Z'), unavailableAfter: new Date('2026-12-01T00:00:00Z') } });
      assert.match(dep, /Architecture: arm/);
      assert.match(dep, /Since 2026-03-01: deprecated, unavailable after 2026-12-01/);
    });
  });

  describe('price rows of the catalog', () => {
    const eur = (gross: number) => ({ net: Math.round((gross / 1.19) * 10_000) / 10_000, gross, currency: 'EUR' });
    const base: Pricing = {
      currency: 'EUR',
      vatRate: 19,
      image: { perGbMonth: eur(0.0119) },
      floatingIp: { monthly: eur(1.19) },
      traffic: { perTb: eur(1.19) },
      serverBackupPercentage: 20,
      serverTypes: [{ id: 1, name: 'cx11', prices: [{ location: 'fsn1', monthly: eur(3.92) }, { location: 'nbg1', monthly: eur(3.92) }] }],
    };
    const rows = (p: Pricing) => Object.fromEntries(priceRows(p).map(([key, label, description]) => [key, `${label}: ${description}`]));

    it('2018: one Floating IP price, one traffic price', () => {
      assert.deepEqual(rows(base), {
        floatingIp: 'Floating IP: €1.19/mo',
        image: 'Snapshots: €0.0119 per GB/mo',
        traffic: 'Traffic: €1.19 per TB',
        backups: "Backups: +20% of the server's price",
        vat: 'VAT: 19% (EUR); prices include it',
        'serverType/cx11': 'cx11: fsn1 €3.92/mo · nbg1 €3.92/mo',
      });
    });

    it("today's API: Floating IPs per type and location, traffic per location from the server types, no €0.00 traffic", () => {
      const today: Pricing = {
        ...base,
        traffic: { perTb: eur(0) },
        floatingIps: [
          { type: 'ipv4', prices: [{ location: 'fsn1', monthly: eur(3.57) }, { location: 'nbg1', monthly: eur(3.57) }, { location: 'ash', monthly: eur(4.0) }] },
          { type: 'ipv6', prices: [{ location: 'fsn1', monthly: eur(2.38) }, { location: 'nbg1', monthly: eur(2.38) }] },
        ],
        serverTypes: [
          { id: 1, name: 'cx22', prices: [{ location: 'fsn1', monthly: eur(4.5), perTbTraffic: eur(1.19) }, { location: 'ash', monthly: eur(5.5), perTbTraffic: eur(1.2) }] },
          { id: 2, name: 'cx32', prices: [{ location: 'fsn1', monthly: eur(8.5), perTbTraffic: eur(1.19) }] },
        ],
      };
      const r = rows(today);
      assert.equal(r['floatingIp/ipv4'], 'Floating IPv4: €3.57/mo (fsn1, nbg1) · €4.00/mo (ash)');
      assert.equal(r['floatingIp/ipv6'], 'Floating IPv6: €2.38/mo');
      assert.equal(r.floatingIp, undefined, 'no 2018 row beside the new ones');
      assert.equal(r.traffic, 'Traffic: €1.19 per TB (fsn1) · €1.20 per TB (ash) beyond the included traffic');
      assert.ok(!Object.values(r).some((x) => x.includes('€0.00')), 'no zero price anywhere');
      assert.equal(rows({ ...today, serverTypes: [] }).traffic, undefined, 'no traffic row when nothing says a price');
    });
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
