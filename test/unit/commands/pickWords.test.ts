import * as assert from 'node:assert/strict';
import { pickPlaceholder } from '../../../src/commands/pickWords';

describe('palette picker placeholders', () => {
  it('say what is picked and for what, from the command title and the kind', () => {
    assert.equal(pickPlaceholder('server', 'Reboot Server'), 'Pick the server to reboot');
    assert.equal(pickPlaceholder('server', 'Power Off Server'), 'Pick the server to power off');
    assert.equal(pickPlaceholder('server', 'Change Reverse DNS'), 'Pick the server to change reverse DNS');
    assert.equal(pickPlaceholder('server', 'Attach Server to Network'), 'Pick the server to attach to network');
    assert.equal(pickPlaceholder('floatingIp', 'Change Protection of Floating IP'), 'Pick the Floating IP to change protection');
    assert.equal(pickPlaceholder('network', 'Delete Network'), 'Pick the Network to delete');
    assert.equal(pickPlaceholder('subnet', 'Delete Subnet'), 'Pick the subnet to delete');
    assert.equal(pickPlaceholder('sshKey', 'Copy Fingerprint of SSH Key'), 'Pick the SSH key to copy fingerprint');
    assert.equal(pickPlaceholder('volume', 'Volume'), 'Pick the volume');
  });
});
