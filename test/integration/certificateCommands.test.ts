// Certificate commands and rows inside VS Code, against a fresh simulator per test (demo seed:
// demo-upload, uploaded for demo.example.com; www-managed, issued; caa-denied, its issuance failed).
// Upload reads PEM files (written to a temp folder here) or pasted text, checks them before sending,
// and the private key reaches only the create request. A 2018 project shows no folder, and its
// palette commands say the API has no certificates.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Certificate } from '../../src/api/types';
import { redactedKey } from '../../src/sim/certificates';
import { selfSigned } from '../../src/sim/selfSigned';
import { useNounFixture } from './support/nounFixture';

const DAY = 86_400_000;
const text = (v: unknown) => (typeof v === 'string' ? v : (v as { value?: string; label?: string } | undefined)?.value ?? (v as { label?: string } | undefined)?.label ?? '');
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const pair = (cn: string, alt: string[] = [], from = -1, to = 200) => selfSigned({ commonName: cn, altNames: alt, notBefore: new Date(Date.now() + from * DAY), notAfter: new Date(Date.now() + to * DAY) });
/** A line of the key's base64: found in any text that holds the key. */
const keyPart = (key: string) => key.split('\n')[1];

describe('Certificate commands', function () {
  this.timeout(60_000);
  const f = useNounFixture();
  let dir: string;
  const file = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };
  const demo = async (name: string): Promise<Certificate> => (await f.client.certificates.listAll({ name }))[0];
  const wire = (id: number) => f.sim.state.certificates.get(id);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hcloud-certs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the tree: a Certificates folder; rows with type, domains, days left, issuance; a failed one offers Retry', async () => {
    f.script();
    const root = (await f.api.tree.getChildren()).find((n) => n.id === `project/${f.project.id}`)!;
    const folders = await f.api.tree.getChildren(root);
    const labels = folders.map((n) => text(n.getTreeItem().label));
    assert.ok(labels.includes('Certificates'), labels.join(', '));
    f.sim.clearRequests();
    const rows = await f.api.tree.getChildren(folders[labels.indexOf('Certificates')]);
    assert.deepEqual(f.sim.requests.map((r) => `${r.method} ${r.path}`), ['GET /certificates'], 'one list request, nothing per row');
    const row = (name: string) => rows.find((n) => text(n.getTreeItem().label) === name)!.getTreeItem();
    // The demo's web-lb uses it (its https service): by name once the Load Balancers are listed, else by id.
    assert.match(String(row('demo-upload').description), /^uploaded · demo\.example\.com · expires in \d+ days · used by (web-lb|Load Balancer \d+)$/);
    assert.match(String(row('demo-upload').contextValue), /;certificate;uploaded;inUse;copyable;labels;/);
    const tip = shown(text(row('demo-upload').tooltip));
    assert.match(tip, /Fingerprint \(SHA-256\): `([0-9a-f]{2}:){31}[0-9a-f]{2}`/);
    assert.match(tip, /Valid until: \d{4}-\d{2}-\d{2} \(expires in \d+ days\)/);
    assert.match(String(row('www-managed').description), /^managed · www\.example\.com · expires in \d+ days · unused$/);
    assert.match(String(row('caa-denied').description), /^managed · issuance failed: CAA record of shop\.caa-deny\.example\.com does not allow the certificate authority/);
    assert.match(String(row('caa-denied').contextValue), /;failed;/);
    assert.equal((row('caa-denied').iconPath as vscode.ThemeIcon).id, 'error');
  });

  it('upload from PEM files: domains and not-after in the modal; the key only in the POST; cancelling at the modal sends nothing', async () => {
    const { certificate, privateKey } = pair('shop.example.com', ['www.shop.example.com']);
    const answers = () => [{ quickPick: 'From PEM files…' }, { pickFile: file('shop.crt', certificate) }, { pickFile: file('shop.key', privateKey) }, { inputBox: 'shop' }, { inputBox: 'env=prod' }];
    const declined = f.script(...answers(), { confirm: false });
    await vscode.commands.executeCommand('hcloud.certificate.upload');
    assert.deepEqual(f.changes(), []);
    assert.equal(declined.values[0], 'shop.example.com', 'the name proposed is the first domain');
    const modal = declined.prompts.at(-1)!;
    assert.match(modal.message ?? '', /^Upload certificate "shop" for shop\.example\.com, www\.shop\.example\.com, valid until \d{4}-\d{2}-\d{2}\?$/);
    assert.match(declined.details[0], /expires in 199 days/);
    assert.match(declined.details[0], /free of charge/);
    assert.equal(modal.confirmLabel, 'Upload');

    const input = f.script(...answers(), { confirm: true });
    const made = (await vscode.commands.executeCommand('hcloud.certificate.upload')) as Certificate;
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/certificates', body: { name: 'shop', type: 'uploaded', certificate, private_key: redactedKey(privateKey), labels: { env: 'prod' } } }]);
    assert.deepEqual(wire(made.id)?.domain_names, ['shop.example.com', 'www.shop.example.com']);
    assert.deepEqual(f.messages('info'), ['Certificate "shop" uploaded for shop.example.com, www.shop.example.com.']);
    const everywhere = JSON.stringify([input.prompts, input.messages, input.details, f.sim.state.certificates.get(made.id), f.sim.requests, f.api.globalStateJson()]);
    assert.ok(!everywhere.includes(keyPart(privateKey)), 'the key is in no prompt, message, simulator state or record, or stored value');
  });

  it('upload refuses an expired certificate, a wrong or missing key, with a clear message, and asks for the file again', async () => {
    const old = pair('old.example.com', [], -400, -3);
    f.script({ quickPick: 'From PEM files…' }, { pickFile: file('old.crt', old.certificate) }, { pickFile: undefined });
    await vscode.commands.executeCommand('hcloud.certificate.upload');
    assert.match(f.messages('error')[0], /^The certificate expired on \d{4}-\d{2}-\d{2}: upload a valid one\. Pick another file, or cancel\.$/);
    assert.deepEqual(f.changes(), []);

    const good = pair('ok.example.com');
    const wrongKey = pair('ok.example.com').privateKey;
    f.script({ quickPick: 'From PEM files…' }, { pickFile: file('ok.crt', good.certificate) }, { pickFile: file('wrong.key', wrongKey) }, { pickFile: file('empty.key', '') }, { pickFile: file('junk.crt', 'hello') }, { pickFile: undefined });
    await vscode.commands.executeCommand('hcloud.certificate.upload');
    assert.deepEqual(f.messages('error'), [
      'The private key does not belong to the certificate (its public key does not match). Pick another file, or cancel.',
      'The private key is missing: give the key of the certificate (PEM). Pick another file, or cancel.',
      'The private key is not a valid PEM private key (or it is encrypted: upload it without a passphrase). Pick another file, or cancel.',
    ]);
    assert.ok(!JSON.stringify(f.input.messages).includes(keyPart(wrongKey)), 'no message quotes the key');
    assert.deepEqual(f.changes(), []);
  });

  it('upload from pasted text: line breaks lost in the box are mended; the key box hides what is typed; a wrong key is refused in the box', async () => {
    const { certificate, privateKey } = pair('paste.example.com');
    const flat = (pem: string) => pem.replace(/\n/g, ' ');
    const refused = f.script({ quickPick: 'Paste PEM text' }, { inputBox: flat(certificate) }, { inputBox: flat(pair('paste.example.com').privateKey) });
    await vscode.commands.executeCommand('hcloud.certificate.upload');
    assert.equal(refused.prompts[2].password, true);
    assert.equal(refused.prompts[2].validation, 'The private key does not belong to the certificate (its public key does not match).');
    assert.deepEqual(f.changes(), []);

    f.script({ quickPick: 'Paste PEM text' }, { inputBox: flat(certificate) }, { inputBox: flat(privateKey) }, { inputBox: 'pasted' }, { inputBox: '' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.certificate.upload');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/certificates', body: { name: 'pasted', type: 'uploaded', certificate, private_key: redactedKey(privateKey) } }]);
  });

  it('create managed: domains checked in the box, free of charge; issued through its action; a caa-deny domain fails with the API code', async () => {
    const bad = f.script({ inputBox: 'example.com, not a domain' });
    await vscode.commands.executeCommand('hcloud.certificate.createManaged');
    assert.match(bad.prompts[0].validation ?? '', /"not" is not a domain name/);
    f.script({ inputBox: 'example.com, *.example.com' }, { inputBox: 'wild' }, { inputBox: '' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.certificate.createManaged');
    assert.match(f.input.details[0], /free of charge/);
    assert.equal(f.input.prompts.at(-1)?.message, 'Request a managed certificate "wild" for example.com, *.example.com?');
    assert.deepEqual(f.changes(), []);

    f.script({ inputBox: 'example.com, *.example.com' }, { inputBox: 'wild' }, { inputBox: 'env=prod' }, { confirm: true });
    const made = (await vscode.commands.executeCommand('hcloud.certificate.createManaged')) as Certificate;
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/certificates', body: { name: 'wild', type: 'managed', domain_names: ['example.com', '*.example.com'], labels: { env: 'prod' } } }]);
    assert.equal(wire(made.id)?.status?.issuance, 'completed');
    assert.deepEqual(f.messages('info'), ['Certificate "wild" issued for example.com, *.example.com.']);

    f.script({ inputBox: 'shop.example.invalid' }, { inputBox: 'denied' }, { inputBox: '' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.certificate.createManaged');
    assert.match(f.messages('error')[0], /^Issue certificate "denied" for shop\.example\.invalid failed: .*\(caa_record_does_not_allow_ca\)/);
  });

  it('retry: only failed managed certificates are offered; one that has not failed sends nothing; a retry follows issue_certificate', async () => {
    const picker = f.script({ quickPick: 'caa-denied' });
    await vscode.commands.executeCommand('hcloud.certificate.retry');
    assert.deepEqual(picker.prompts[0].items, ['caa-denied']);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/certificates/${(await demo('caa-denied')).id}/actions/retry`, body: undefined }]);
    assert.match(f.messages('error')[0], /\(caa_record_does_not_allow_ca\)$/, 'the same domain fails again');

    f.sim.clearRequests();
    f.script();
    await vscode.commands.executeCommand('hcloud.certificate.retry', f.node('certificate', await demo('www-managed')));
    assert.deepEqual(f.messages('info'), ['certificate "www-managed" has not failed; there is nothing to retry.']);
    assert.deepEqual(f.changes(), []);

    f.sim.setFaults({ failActions: [{ command: 'create_certificate', code: 'ca_dns_validation_failed', message: 'Certificate Authority: DNS validation failed' }] });
    const flaky = await f.client.certificates.create({ type: 'managed', name: 'flaky', domainNames: ['flaky.example.com'] });
    await f.client.waitForActions(flaky.action!).catch(() => undefined);
    f.sim.setFaults({});
    f.script();
    await vscode.commands.executeCommand('hcloud.certificate.retry', f.node('certificate', (await demo('flaky'))));
    assert.equal(wire(flaky.certificate.id)?.status?.issuance, 'completed');
    assert.deepEqual(f.messages('info'), ['Certificate "flaky" issued for flaky.example.com.']);
  });

  it('rename and edit labels; cancelling sends nothing; a taken name is refused in the box', async () => {
    const cert = await demo('demo-upload');
    const taken = f.script({ inputBox: 'www-managed' });
    await vscode.commands.executeCommand('hcloud.certificate.rename', f.node('certificate', cert));
    assert.match(taken.prompts[0].validation ?? '', /already/);
    f.script({ inputBox: undefined });
    await vscode.commands.executeCommand('hcloud.certificate.rename', f.node('certificate', cert));
    assert.deepEqual(f.changes(), []);
    f.script({ inputBox: 'demo-cert' });
    await vscode.commands.executeCommand('hcloud.certificate.rename', f.node('certificate', cert));
    f.script({ inputBox: 'env=staging' });
    await vscode.commands.executeCommand('hcloud.certificate.editLabels', f.node('certificate', cert));
    assert.deepEqual(f.changes(), [
      { method: 'PUT', path: `/certificates/${cert.id}`, body: { name: 'demo-cert' } },
      { method: 'PUT', path: `/certificates/${cert.id}`, body: { labels: { env: 'staging' } } },
    ]);
    assert.deepEqual([wire(cert.id)?.name, wire(cert.id)?.labels], ['demo-cert', { env: 'staging' }]);
  });

  it('delete asks first (declining sends nothing); one in use says which Load Balancer and sends nothing', async () => {
    const cert = await demo('www-managed');
    const input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.certificate.delete', f.node('certificate', cert));
    assert.equal(input.prompts[0].message, 'Delete certificate "www-managed" (www.example.com)?');
    assert.equal(input.prompts[0].confirmLabel, 'Delete');
    assert.deepEqual(f.changes(), []);

    f.script();
    await vscode.commands.executeCommand('hcloud.certificate.delete', f.node('certificate', { ...cert, usedBy: [{ id: 77, type: 'load_balancer' }] }));
    assert.deepEqual(f.messages('error'), ['certificate "www-managed" cannot be deleted: Load Balancer 77 uses it. Remove it from the https services there first.']);
    assert.deepEqual(f.changes(), []);

    f.script({ quickPick: 'www-managed' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.certificate.delete');
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/certificates/${cert.id}`, body: undefined }]);
    assert.equal(wire(cert.id), undefined);
    assert.deepEqual(f.messages('info'), ['Certificate "www-managed" deleted.']);
  });

  it('Show Actions of a certificate: its own endpoint, in plain words', async () => {
    const cert = await demo('www-managed');
    f.script();
    await vscode.commands.executeCommand('hcloud.certificate.showActions', f.node('certificate', cert));
    const scope = { kind: 'certificate', id: cert.id } as const;
    let panel = f.api.actionLogs.get(f.project.id, scope);
    for (let i = 0; i < 100 && !(panel?.ready && panel.current.phase === 'ready'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      panel = f.api.actionLogs.get(f.project.id, scope);
    }
    assert.ok(panel && panel.current.phase === 'ready', 'the action log of the certificate');
    assert.deepEqual(panel.current.actions.map((a) => a.command), ['create_certificate']);
    assert.match(panel.current.title, /^Actions of certificate "www-managed"/i);
    assert.ok(f.sim.requests.some((r) => r.path === `/certificates/${cert.id}/actions`));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Certificate commands against the 2018 API', function () {
  this.timeout(60_000);
  const f = useNounFixture('2018');
  it('no folder; from the palette every certificate command says the API has no certificates and asks it nothing about them', async () => {
    f.script();
    const root = (await f.api.tree.getChildren()).find((n) => n.id === `project/${f.project.id}`)!;
    assert.ok(!(await f.api.tree.getChildren(root)).some((n) => text(n.getTreeItem().label) === 'Certificates'));
    const ids = ['upload', 'createManaged', 'retry', 'rename', 'editLabels', 'delete', 'showActions'];
    await f.assertNoFamily(ids.map((id) => `hcloud.certificate.${id}`), 'certificates', (path) => path.includes('certificate'));
  });
});
