// The action log's protocol parsers (both directions, the saved panel state) and its plain words.
import * as assert from 'node:assert/strict';
import {
  parseActionLogFromWebview,
  parseActionLogPanelState,
  parseActionLogToWebview,
  type ActionLogView,
} from '../../../src/shared/actionLogProtocol';
import { commandWords, KNOWN_COMMANDS, resourceTypeWords } from '../../../src/shared/actionWords';

const action = {
  id: 7,
  command: 'start_server',
  status: 'error',
  progress: 100,
  started: '2026-11-27T00:00:00.000Z',
  finished: '2026-11-27T00:00:09.000Z',
  resources: [{ type: 'server', id: 42, label: 'Server "web-1"' }],
  error: { code: 'action_failed', message: 'Starting the server failed' },
};
const view: ActionLogView = {
  panel: { projectId: 'p1', scope: { kind: 'server', id: 42 }, filter: 'error' },
  title: 'Server "web-1" in project "demo"',
  phase: 'ready',
  actions: [action as ActionLogView['actions'][number]],
  hasMore: true,
  loadingMore: false,
  notice: 'x',
};

describe('action log protocol', () => {
  it('the state message round-trips; every field is checked', () => {
    assert.deepEqual(parseActionLogToWebview(JSON.parse(JSON.stringify({ type: 'state', view }))), { type: 'state', view });
    const bad = (patch: Record<string, unknown>, actionPatch: Record<string, unknown> = {}) =>
      parseActionLogToWebview({ type: 'state', view: { ...view, ...patch, actions: [{ ...action, ...actionPatch }] } });
    assert.equal(bad({ phase: 'done' }), undefined);
    assert.equal(bad({ hasMore: 'yes' }), undefined);
    assert.equal(bad({ panel: { projectId: '' } }), undefined);
    assert.equal(bad({}, { status: 'queued' }), undefined);
    assert.equal(bad({}, { progress: 101 }), undefined);
    assert.equal(bad({}, { started: 'yesterday' }), undefined);
    assert.equal(bad({}, { id: -1 }), undefined);
    assert.equal(bad({}, { resources: [{ type: 'server', id: 'x', label: 'a' }] }), undefined);
    assert.equal(bad({}, { error: { code: 1 } }), undefined);
    assert.equal(parseActionLogToWebview({ type: 'other' }), undefined);
    assert.equal(parseActionLogToWebview('state'), undefined);
    // A running action has no finished time and no error.
    const running = { ...action, status: 'running', progress: 40, finished: undefined, error: undefined };
    const parsed = parseActionLogToWebview(JSON.parse(JSON.stringify({ type: 'state', view: { ...view, actions: [running] } })));
    assert.ok(parsed);
    assert.equal(parsed.view.actions[0].finished, undefined);
    assert.equal('error' in parsed.view.actions[0], false);
  });

  it('messages from the webview: only the known ones, with valid fields', () => {
    assert.deepEqual(parseActionLogFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseActionLogFromWebview({ type: 'loadOlder', extra: 1 }), { type: 'loadOlder' });
    assert.deepEqual(parseActionLogFromWebview({ type: 'refresh' }), { type: 'refresh' });
    assert.deepEqual(parseActionLogFromWebview({ type: 'setFilter', filter: 'running' }), { type: 'setFilter', filter: 'running' });
    assert.equal(parseActionLogFromWebview({ type: 'setFilter', filter: 'queued' }), undefined);
    assert.deepEqual(parseActionLogFromWebview({ type: 'reveal', resource: { type: 'server', id: 42 } }), { type: 'reveal', resource: { type: 'server', id: 42 } });
    assert.equal(parseActionLogFromWebview({ type: 'reveal', resource: { type: 'server', id: 1.5 } }), undefined);
    assert.equal(parseActionLogFromWebview({ type: 'reveal' }), undefined);
    assert.equal(parseActionLogFromWebview({ type: 'runCommand', command: 'x' }), undefined);
    assert.equal(parseActionLogFromWebview(null), undefined);
  });

  it('the saved panel state', () => {
    assert.deepEqual(parseActionLogPanelState({ projectId: 'p', filter: 'all' }), { projectId: 'p', filter: 'all' });
    assert.deepEqual(parseActionLogPanelState({ projectId: 'p' }), { projectId: 'p', filter: 'all' }, 'filter defaults to all');
    assert.deepEqual(parseActionLogPanelState({ projectId: 'p', scope: { kind: 'image', id: 3 }, filter: 'success' }), {
      projectId: 'p',
      scope: { kind: 'image', id: 3 },
      filter: 'success',
    });
    assert.deepEqual(parseActionLogPanelState({ projectId: 'p', scope: { kind: 'volume', id: 3 } }), { projectId: 'p', scope: { kind: 'volume', id: 3 }, filter: 'all' });
    assert.equal(parseActionLogPanelState({ projectId: 'p', scope: { kind: 'network_thing', id: 3 } }), undefined);
    assert.equal(parseActionLogPanelState({ projectId: 'p', filter: 'nope' }), undefined);
    assert.equal(parseActionLogPanelState({ filter: 'all' }), undefined);
    assert.equal(parseActionLogPanelState(undefined), undefined);
  });
});

describe('action log words', () => {
  it('commands in plain words', () => {
    assert.equal(commandWords('start_server'), 'Power on');
    assert.equal(commandWords('stop_server'), 'Power off');
    assert.equal(commandWords('shutdown_server'), 'Shut down');
    assert.equal(commandWords('create_image'), 'Create image');
    assert.equal(commandWords('assign_floating_ip'), 'Assign Floating IP');
    assert.equal(commandWords('change_dns_ptr'), 'Change reverse DNS');
    assert.equal(commandWords('frobnicate_the_widget'), 'Frobnicate the widget', 'an unknown command stays readable');
    assert.equal(commandWords(''), 'Unnamed action');
  });

  it('every command of the API spec (all 22 the simulator runs) has words of its own, not the fallback', () => {
    const simCommands = [
      'create_server', 'delete_server', 'start_server', 'stop_server', 'shutdown_server', 'reboot_server', 'reset_server', 'reset_password',
      'enable_rescue', 'disable_rescue', 'create_image', 'rebuild_server', 'change_server_type', 'enable_backup', 'disable_backup',
      'attach_iso', 'detach_iso', 'change_dns_ptr', 'change_protection', 'request_console', 'assign_floating_ip', 'unassign_floating_ip',
    ];
    for (const c of simCommands) assert.ok(KNOWN_COMMANDS.includes(c), c);
    for (const c of KNOWN_COMMANDS) assert.doesNotMatch(commandWords(c), /_/, c);
  });

  it('every command a Load Balancer action of the simulator starts has words of its own; its resource type too', () => {
    const lbCommands = ['create_load_balancer', 'add_service', 'update_service', 'delete_service', 'add_target', 'remove_target', 'attach_to_network', 'detach_from_network',
      'change_algorithm', 'change_load_balancer_type', 'change_dns_ptr', 'change_protection', 'enable_public_interface', 'disable_public_interface'];
    for (const c of lbCommands) assert.ok(KNOWN_COMMANDS.includes(c), c);
    assert.equal(commandWords('change_load_balancer_type'), 'Change Load Balancer type');
    assert.equal(resourceTypeWords('load_balancer'), 'Load balancer');
  });

  it("today's Network and Primary IP actions (those the simulator runs) in plain words; their resources too", () => {
    const words = {
      add_subnet: 'Add subnet',
      delete_subnet: 'Delete subnet',
      add_route: 'Add route',
      delete_route: 'Delete route',
      change_ip_range: 'Change IP range',
      attach_to_network: 'Attach to network',
      detach_from_network: 'Detach from network',
      change_alias_ips: 'Change alias IPs',
      assign_primary_ip: 'Assign Primary IP',
      unassign_primary_ip: 'Unassign Primary IP',
    };
    for (const [command, said] of Object.entries(words)) assert.equal(commandWords(command), said, command);
    assert.equal(resourceTypeWords('network'), 'Network');
    assert.equal(resourceTypeWords('primary_ip'), 'Primary IP');
  });

  it('resource types', () => {
    assert.equal(resourceTypeWords('floating_ip'), 'Floating IP');
    assert.equal(resourceTypeWords('load_balancer'), 'Load balancer');
    assert.equal(resourceTypeWords('storage_box'), 'Storage box');
  });
});
