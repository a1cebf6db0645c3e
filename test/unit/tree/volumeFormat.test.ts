// A volume's row and tooltip: size, location, server and device; the price gross with net; text from the API escaped.
import * as assert from 'node:assert/strict';
import type { Volume } from '../../../src/api/types';
import { priceRows } from '../../../src/tree/format';
import { volumeDescription, volumeSizeText, volumeTooltip } from '../../../src/tree/volumeFormat';

const volume: Volume = {
  id: 100,
  name: 'db_data*[x](http://evil)',
  created: new Date('2026-01-01T00:00:00Z'),
  size: 100,
  serverId: 44,
  location: { id: 1, name: 'fsn1', description: 'Falkenstein DC Park 1', country: 'DE', city: 'Falkenstein', latitude: 0, longitude: 0, networkZone: 'eu-central' },
  linuxDevice: '/dev/disk/by-id/scsi-0HC_Volume_100',
  protection: { delete: true },
  labels: { env: 'prod' },
  status: 'available',
  format: 'ext4',
};
const lookup = { serverName: (id: number) => (id === 44 ? 'db-main' : undefined), floatingIp: () => undefined };

describe('tree: volume rows', () => {
  it('the row: size, location, server, Linux device; creating and detached say so', () => {
    assert.equal(volumeDescription(volume, lookup), '100 GB · fsn1 · db-main · /dev/disk/by-id/scsi-0HC_Volume_100');
    assert.equal(volumeDescription({ ...volume, serverId: undefined, status: 'creating', size: 2048 }, lookup), 'creating · 2 TB · fsn1 · not attached · /dev/disk/by-id/scsi-0HC_Volume_100');
    assert.equal(volumeSizeText(10), '10 GB');
    assert.equal(volumeSizeText(1536), '1.5 TB');
  });

  it('the tooltip: the monthly price (gross, net), format, status, protection, labels; the name escaped', () => {
    const text = volumeTooltip(volume, lookup, { net: 0.044, gross: 0.05236, currency: 'EUR' });
    assert.ok(text.startsWith('**db\\_data\\*\\[x\\]\\(http\\:\\/\\/evil\\)** — Volume'), text);
    assert.ok(text.includes('Price: €5\\.24\\/mo \\(€4\\.40\\/mo net\\)'), text);
    assert.match(text, /Linux device: `\/dev\/disk\/by-id\/scsi-0HC_Volume_100`/);
    assert.match(text, /Format: ext4/);
    assert.match(text, /Protection: protected against delete/);
    assert.match(text, /Labels: env\\=prod/);
    assert.match(volumeTooltip(volume, lookup), /Price: see the Prices folder/);
  });

  it('the Prices folder has a Volumes row when the API prices volumes', () => {
    const base = { currency: 'EUR', vatRate: 19, image: {}, floatingIp: {}, traffic: {}, serverBackupPercentage: 20, serverTypes: [] };
    assert.deepEqual(priceRows({ ...base, volume: { perGbMonth: { net: 0.044, gross: 0.0524, currency: 'EUR' } } }).find(([k]) => k === 'volume'), ['volume', 'Volumes', '€0.0524 per GB/mo']);
    assert.equal(priceRows(base).find(([k]) => k === 'volume'), undefined);
  });
});
