// The extension's own icon (the Extensions and Running Extensions views show a grey placeholder
// without one): package.json names a 128×128 PNG that the .vsix ships (media/ is packaged).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

describe('extension icon', () => {
  it('package.json `icon` is media/icon.png, a 128×128 PNG', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { icon?: string };
    assert.equal(pkg.icon, 'media/icon.png');
    const png = readFileSync(join(root, pkg.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'width and height');
  });
});
