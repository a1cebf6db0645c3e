import assert from 'node:assert/strict';
import {
  DEFAULT_ENDPOINT,
  normalizeEndpoint,
  validateEndpoint,
  validateProjectName,
  validateTokenShape,
} from '../../../src/projects/endpoint';

describe('project endpoint and name validation', () => {
  it('accepts https endpoints and plain http only on loopback hosts', () => {
    assert.equal(validateEndpoint(DEFAULT_ENDPOINT), undefined);
    assert.equal(validateEndpoint('http://127.0.0.1:4780/v1'), undefined);
    assert.equal(validateEndpoint('http://localhost:8080/v1'), undefined);
    assert.equal(validateEndpoint('http://[::1]:8080/v1'), undefined);
    assert.match(validateEndpoint('http://api.example.com/v1') ?? '', /only for loopback/);
    assert.match(validateEndpoint('http://10.0.0.1/v1') ?? '', /only for loopback/);
    assert.match(validateEndpoint('ftp://127.0.0.1/v1') ?? '', /Unsupported protocol/);
    assert.match(validateEndpoint('not a url') ?? '', /not a URL/);
    assert.match(validateEndpoint('https://user:pw@api.hetzner.cloud/v1') ?? '', /user name or password/);
    assert.match(validateEndpoint('   ') ?? '', /Enter the API endpoint/);
  });

  it('follows the one endpoint rule: loopback tricks are refused, the user name is not echoed', () => {
    for (const url of ['http://127.0.0.1.evil.example/v1', 'http://localhost.evil.example/v1', 'http://[::ffff:127.0.0.1]/v1', 'http://localhost./v1']) {
      assert.match(validateEndpoint(url) ?? '', /only for loopback/, url);
    }
    const userinfo = validateEndpoint('http://127.0.0.1@evil.example/v1') ?? '';
    assert.match(userinfo, /user name or password/);
    assert.ok(!userinfo.includes('127.0.0.1'));
    assert.equal(validateEndpoint('http://2130706433:4780/v1'), undefined, 'an IPv4 written as a number is 127.0.0.1');
    assert.equal(validateEndpoint('HTTP://LOCALHOST:4780/v1'), undefined);
    assert.match(validateEndpoint('https://api.hetzner.cloud/v1?x=1') ?? '', /query or fragment/);
  });

  it('normalises trailing slashes and spaces', () => {
    assert.equal(normalizeEndpoint(' https://api.hetzner.cloud/v1/ '), 'https://api.hetzner.cloud/v1');
  });

  it('requires a unique, non-empty, bounded project name', () => {
    assert.equal(validateProjectName('production', ['staging']), undefined);
    assert.match(validateProjectName('  ', []) ?? '', /Enter a name/);
    assert.match(validateProjectName('Staging', ['staging']) ?? '', /already exists/);
    assert.match(validateProjectName('x'.repeat(65), []) ?? '', /At most 64/);
  });

  it('refuses tokens that cannot be sent in a header without echoing them', () => {
    assert.equal(validateTokenShape('jEheVytlAoFl7F8MqUQ7jAo2hOXASztX'), undefined);
    const bad = 'secret\nvalue';
    const message = validateTokenShape(bad) ?? '';
    assert.match(message, /characters/);
    assert.ok(!message.includes('secret'));
    assert.match(validateTokenShape(' abc') ?? '', /spaces/);
    assert.match(validateTokenShape('tökén') ?? '', /characters/);
    assert.match(validateTokenShape('') ?? '', /Paste the API token/);
  });
});
