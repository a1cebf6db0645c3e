import * as assert from 'node:assert/strict';
import type { FloatingIp, Image, Pricing, Server, ServerType } from '../../../src/api/types';
import { formatAmount, formatHourly, formatMonthly, formatMonthlyNet, formatPriceDetail, formatRate } from '../../../src/shared/price';
import fc from 'fast-check';
import {
  datacenterTooltip,
  floatingIpDescription,
  floatingIpTooltip,
  formatBytes,
  isoTooltip,
  priceRows,
  imageDescription,
  imageTooltip,
  labelsLine,
  locationTooltip,
  matchesFilter,
  md,
  mdCode,
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

/** What a tooltip shows of its Markdown source: backslash escapes resolved (code spans have none). */
function shown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
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
    const t = shown(serverTooltip(server(), lookup));
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
    const t = shown(serverTooltip(server({ datacenter: undefined, rescueEnabled: true, locked: true, outgoingTraffic: undefined })));
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
    const t = shown(floatingIpTooltip(fip, lookup));
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
    const t = shown(imageTooltip({ ...snap, deprecated: new Date('2026-06-01T00:00:00Z') }, lookup));
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
      const lines = shown(serverTypeTooltip(cax11, NOW)).split('  \n');
      assert.ok(lines.includes('Specs: 2 vCPU, 4 GB RAM, 40 GB disk (shared CPU, local storage, arm)'), lines.join('\n'));
      assert.ok(lines.includes('- fsn1: €5.77/mo (€4.85/mo net, €0.0095/h) · 20 TiB traffic included, €1.19 per TB beyond'), lines.join('\n'));
      assert.ok(lines.includes('- hel1: €4.94/mo (€4.15/mo net, €0.0083/h) · deprecated, unavailable after 2027-01-31'), lines.join('\n'));
      assert.ok(lines.includes('- ash: €4.94/mo (€4.15/mo net, €0.0083/h) · not available'), lines.join('\n'));
      assert.ok(lines.includes('- nbg1: available, no price'), lines.join('\n'));
      const old = shown(serverTypeTooltip({ ...cax11, deprecation: { announced: new Date('2026-01-01T00:00:00Z'), unavailableAfter: new Date('2026-12-31T00:00:00Z') } }, NOW));
      assert.match(old, /This type is deprecated, unavailable after 2026-12-31/);
      assert.doesNotMatch(serverTypeTooltip(cx21 as ServerType), /available|arm|x86/);
    });

    it('an ISO tooltip names its architecture (any when the API gives none) and its deprecation, escaped', () => {
      const iso = { id: 1, name: 'virtio-win*', description: 'Virtio [drivers]', type: 'public' };
      assert.match(isoTooltip(iso), /Architecture: any/);
      assert.match(isoTooltip(iso), /\*\*virtio\\-win\\\*\*\*/);
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

    it("today's API: Primary IPv4 and IPv6 rows per location from pricing.primary_ips; none without them", () => {
      const today: Pricing = {
        ...base,
        primaryIps: [
          { type: 'ipv4', prices: [{ location: 'fsn1', monthly: eur(0.6) }, { location: 'ash', monthly: eur(0.7) }] },
          { type: 'ipv6', prices: [{ location: 'fsn1', monthly: eur(0) }] },
        ],
      };
      const r = rows(today);
      assert.equal(r['primaryIp/ipv4'], 'Primary IPv4: €0.60/mo (fsn1) · €0.70/mo (ash)');
      assert.equal(r['primaryIp/ipv6'], 'Primary IPv6: €0.00/mo');
      assert.deepEqual(Object.keys(r).slice(0, 3), ['floatingIp', 'primaryIp/ipv4', 'primaryIp/ipv6'], 'beside the Floating IP rows');
      assert.deepEqual(Object.keys(rows(base)).filter((k) => k.startsWith('primaryIp')), [], 'the 2018 contract has no Primary IPs');
      assert.deepEqual(Object.keys(rows({ ...today, primaryIps: [{ type: 'ipv4', prices: [] }] })).filter((k) => k.startsWith('primaryIp')), [], 'no row without a price');
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
    assert.equal(shown(labelsLine({ tier: 'web', env: 'prod', canary: '' })!), 'Labels: canary, env=prod, tier=web');
    assert.equal(labelsLine({}), 'Labels: none');
    assert.equal(labelsLine(undefined), undefined);
  });

  it('in the tooltips of servers, Floating IPs, images and SSH keys (today\'s API); no line where the API has no labels (2018)', () => {
    const labels = { env: 'prod', 'example.com/team': 'ops' };
    const line = 'Labels: env=prod, example.com/team=ops';
    assert.ok(shown(serverTooltip(server({ labels }))).split('  \n').includes(line));
    assert.ok(shown(floatingIpTooltip({ ...fip, labels })).split('  \n').includes(line));
    assert.ok(shown(imageTooltip({ ...image, labels })).split('  \n').includes(line));
    assert.ok(shown(sshKeyTooltip({ ...key, labels })).split('  \n').includes(line));
    for (const tooltip of [serverTooltip(server()), floatingIpTooltip(fip), imageTooltip(image), sshKeyTooltip(key)]) assert.doesNotMatch(tooltip, /Labels/);
  });

  it('escapes Markdown in keys and values (they come from the API)', () => {
    assert.equal(labelsLine({ '*b*': '[x](http://e.example)' }), 'Labels: \\*b\\*\\=\\[x\\]\\(http\\:\\/\\/e\\.example\\)');
    assert.equal(labelsLine({ 'a|b': '<img src=x>' }), 'Labels: a\\|b\\=\\<img src\\=x\\>');
    assert.equal(labelsLine({ '`c`': '_d_\\' }), 'Labels: \\`c\\`\\=\\_d\\_\\\\');
  });
});

describe('tree format: API text in tooltips cannot make Markdown (issue 10, finding 10)', () => {
  /**
   * Why a tooltip's Markdown could link, load or lay out something: an unescaped `[`, `]`, `<`, `>`,
   * `&`, `|`, `@` or the start of an autolink outside a code span, or a code span left open.
   * Follows CommonMark: a backslash escapes the punctuation after it, a run of n backticks opens a
   * span that only a run of exactly n closes, and nothing inside a span is Markdown.
   */
  function unsafeMarkdown(markdown: string): string | undefined {
    for (let i = 0; i < markdown.length; ) {
      const c = markdown[i];
      if (c === '\\' && /[!-/:-@[-`{-~]/.test(markdown[i + 1] ?? '')) {
        i += 2;
      } else if (c === '`') {
        const open = /^`+/.exec(markdown.slice(i))![0].length;
        let j = i + open;
        let closed = false;
        while (j < markdown.length) {
          const run = /^`+/.exec(markdown.slice(j));
          if (run && run[0].length === open) {
            closed = true;
            j += open;
            break;
          }
          j += run ? run[0].length : 1;
        }
        if (!closed) return `a code span opened at ${i} is not closed`;
        i = j;
      } else if ('[]<>&|@'.includes(c)) {
        return `unescaped ${c} at ${i}: …${markdown.slice(Math.max(0, i - 20), i + 20)}…`;
      } else if (/^(https?:|ftp:|www\.)/i.test(markdown.slice(i))) {
        return `an autolink at ${i}: …${markdown.slice(i, i + 30)}…`;
      } else {
        i++;
      }
    }
    return undefined;
  }

  const HOSTILE = [
    '[x](javascript:alert(1))',
    '![i](http://e.example/pixel.png)',
    '`',
    '``',
    '<img src=x onerror=alert(1)>',
    '\n# heading\n',
    '\r\n\r\n    code',
    'http://e.example',
    'www.e.example',
    'a@b.example',
    '&lt;b&gt;',
    '\\',
    '*',
    '_',
    '|',
    '\u202e',
    '\u0000',
    '\u2028',
    '- ',
    '1. ',
    '===',
  ];
  const hostileText = fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6, unit: 'binary-ascii' }), fc.string({ maxLength: 3 })), { maxLength: 10 })
    .map((parts) => parts.join(''));

  const loc = (text: string) => ({ id: 1, name: text, description: text, country: text, city: text, latitude: 0, longitude: 0 });
  /** Every tooltip, with `text` in each string the API sends. */
  function tooltips(text: string): string[] {
    const type = { ...cx21, name: text, description: text, cpuType: text, storageType: text, architecture: text, prices: [{ ...cx21.prices[0], location: text }] } as ServerType;
    const image: Image = {
      id: 5, type: 'snapshot', status: 'available', name: text, description: text, imageSize: 1, diskSize: 5, created: new Date(0), osFlavor: text, osVersion: text,
      createdFrom: { id: 42, name: text }, rapidDeploy: false, protection: { delete: false }, labels: { [text]: text },
    };
    const iso = { id: 1, name: text, description: text, type: text };
    const s = server({
      name: text,
      publicNet: { ipv4: { ip: text, blocked: false, dnsPtr: text }, ipv6: { ip: text, blocked: false, dnsPtr: [] }, floatingIpIds: [7] },
      serverType: type,
      datacenter: { id: 2, name: text, description: text, location: loc(text), serverTypes: { supported: [], available: [] } },
      image,
      iso,
      backupWindow: text,
      labels: { [text]: text, k: text },
    });
    const textLookup: Lookup = { serverName: () => text, floatingIp: () => text };
    const fip: FloatingIp = {
      id: 7, ip: text, name: text, type: 'ipv4', serverId: 42, dnsPtr: [{ ip: text, dnsPtr: text }], homeLocation: loc(text), blocked: false, protection: { delete: false }, description: text, labels: { [text]: text },
    };
    return [
      serverTooltip(s, textLookup),
      serverTooltip({ ...s, datacenter: undefined, location: loc(text) }, textLookup),
      floatingIpTooltip(fip, textLookup),
      imageTooltip({ ...image, boundTo: 42 }, textLookup),
      isoTooltip(iso),
      sshKeyTooltip({ id: 3, name: text, fingerprint: text, publicKey: text, labels: { [text]: text } }),
      serverTypeTooltip(type),
      locationTooltip(loc(text)),
      datacenterTooltip({ id: 2, name: text, description: text, location: loc(text), serverTypes: { supported: [], available: [] } }),
    ];
  }

  it('links, images, HTML, autolinks and backticks from the API stay text', () => {
    const t = serverTooltip(server({ serverType: { ...cx21, name: '[x](javascript:alert(1))' }, location: loc('![i](http://e.example/p.png)'), datacenter: undefined }));
    assert.equal(unsafeMarkdown(t), undefined, t);
    assert.ok(t.includes('Type: \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\('), t);
    assert.equal(md('<img src=x> a@b.example www.e.example &amp;'), '\\<img src\\=x\\> a\\@b\\.example www\\.e\\.example \\&amp\\;');
    assert.equal(mdCode('203.0.113.5` [x](http://e.example) `'), '`` 203.0.113.5` [x](http://e.example) ` ``');
    assert.equal(mdCode('a``b'), '```a``b```');
    assert.equal(mdCode('1.2.3.4\n\n[x](y)'), '`1.2.3.4  [x](y)`', 'a blank line would end the span');
    assert.equal(md('line\nbreak\u202etext\u0000'), 'line break text ');
  });

  it('property: for any API text, no tooltip has an unescaped link, image, HTML or autolink, and no line more', () => {
    const plainLines = tooltips('plain').map((t) => t.split('\n').length);
    fc.assert(
      fc.property(hostileText, (text) => {
        tooltips(text).forEach((t, n) => {
          assert.equal(unsafeMarkdown(t), undefined, `tooltip ${n}: ${JSON.stringify(t)}`);
          assert.equal(t.split('\n').length, plainLines[n], `tooltip ${n} has the lines it has for plain text`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('property: md shows the text as it is (controls and bidi as spaces); mdCode is one span with the text inside', () => {
    // eslint-disable-next-line no-control-regex
    const normal = (t: string) => t.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
    fc.assert(
      fc.property(hostileText, (text) => {
        assert.equal(shown(md(text)), normal(text));
        const code = mdCode(text);
        if (normal(text) === '') return assert.equal(code, '');
        assert.equal(unsafeMarkdown(code), undefined);
        const fence = /^`+/.exec(code)![0];
        assert.ok(code.endsWith(fence) && code.length >= 2 * fence.length);
        let inside = code.slice(fence.length, code.length - fence.length);
        assert.ok(!new RegExp(`(^|[^\`])${fence}($|[^\`])`).test(inside), 'no run of the fence length inside');
        if (inside.startsWith(' ') && inside.endsWith(' ') && inside.trim() !== '') inside = inside.slice(1, -1);
        assert.equal(inside, normal(text));
      }),
      { numRuns: 300 },
    );
  });
});
