// Server commands on a multi-selection (the table's `many()` runs these when two or more rows are
// selected, the clicked one among them): Power On, Shut Down, Power Off, Reboot, Delete, Change
// Protection and (./labels.ts) a label added or removed. Each names the servers it skips and why,
// asks once (Delete: type the number of servers), then runs them all through runBatch().
import type { HcloudClient } from '../../api/client';
import type { Action, Server } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { ResourceKind } from '../../tree/resourceNode';
import type { CommandContext } from '../context';
import { anythingToDo, confirmPlan, plan } from './plan';
import { runBatch } from './runBatch';
import { named, selectedServers } from './selection';
import { nameList, servers, skippedText } from './words';

export { bulkLabels } from './labels';

/** A power command on a selection: its button (`Power Off`; the title adds `Servers`), its words, which servers it applies to, its request. */
interface PowerSpec {
  label: string;
  action: string;
  doing: string;
  done: string;
  applies(s: Server): boolean;
  effect: string;
  start(client: HcloudClient, id: number, signal: AbortSignal): Promise<Action>;
}

const running = (s: Server) => s.status === 'running';
const off = (s: Server) => s.status === 'off';
const state = (s: Server) => `it is ${s.status}`;

// One line each: the specs share their shape, and a table reads better than four copies of it.
const POWER_ON: PowerSpec = { label: 'Power On', action: 'Power on', doing: 'Powering on', done: 'powered on', applies: off, effect: 'They start and boot their systems.', start: (c, id, signal) => c.servers.powerOn(id, { signal }) };
const SHUTDOWN: PowerSpec = { label: 'Shut Down', action: 'Shut down', doing: 'Shutting down', done: 'asked to shut down', applies: running, effect: 'Each gets an ACPI shutdown request: a clean stop when its system handles it, which may take a while.', start: (c, id, signal) => c.servers.shutdown(id, { signal }) };
const REBOOT: PowerSpec = { label: 'Reboot', action: 'Reboot', doing: 'Rebooting', done: 'rebooted', applies: running, effect: 'Each restarts (ACPI reboot); its services are unreachable until it is up again.', start: (c, id, signal) => c.servers.reboot(id, { signal }) };
const POWER_OFF: PowerSpec = { label: 'Power Off', action: 'Power off', doing: 'Powering off', done: 'powered off', applies: running, effect: 'This cuts their power like pulling the plug: unsaved data may be lost. Use Shut Down for a clean stop.', start: (c, id, signal) => c.servers.powerOff(id, { signal }) };

async function power(ctx: CommandContext, selection: readonly TreeNode[], spec: PowerSpec): Promise<void> {
  const p = plan(`${spec.label} Servers`, selection, spec.applies, state);
  if (!anythingToDo(ctx, p)) return;
  if (!(await confirmPlan(ctx, p, `${spec.action} ${servers(p.go.length)}?`, spec.effect, spec.label))) return;
  await runBatch(ctx, { action: spec.action, doing: spec.doing, done: spec.done, targets: p.go, skipped: p.skipped, start: (c, s, signal) => spec.start(c, s.id, signal) });
}

export const bulkPowerOn = (ctx: CommandContext, selection: readonly TreeNode[]) => power(ctx, selection, POWER_ON);
export const bulkShutdown = (ctx: CommandContext, selection: readonly TreeNode[]) => power(ctx, selection, SHUTDOWN);
export const bulkReboot = (ctx: CommandContext, selection: readonly TreeNode[]) => power(ctx, selection, REBOOT);
export const bulkPowerOff = (ctx: CommandContext, selection: readonly TreeNode[]) => power(ctx, selection, POWER_OFF);

/** Delete: protected servers are named as skipped; the user types the number of servers to delete. */
export async function bulkDelete(ctx: CommandContext, selection: readonly TreeNode[]): Promise<void> {
  const p = plan('Delete Servers', selection, (s) => !s.protection.delete, () => 'delete protection');
  if (!anythingToDo(ctx, p)) return;
  const n = p.go.length;
  const volumes = p.go.reduce((sum, t) => sum + (t.server.volumeIds?.length ?? 0), 0);
  const today = p.go.some((t) => t.server.volumeIds !== undefined);
  // What outlives them (today's API): named, not deleted (Delete Server of one server offers that).
  const left = !today ? '' : volumes > 0
    ? ` Their attached volumes (${volumes}) are detached and stay, as do their Primary IPs with auto-delete off: both keep costing money.`
    : ' Their Primary IPs with auto-delete off stay and keep costing money.';
  const skipped = skippedText(p.skipped, p.others);
  const typed = await ctx.input().inputBox({
    title: `Delete ${servers(n)}`,
    prompt: `Deleting ${nameList(p.go.map(named))} destroys ${n === 1 ? 'it with its disk and backups' : 'them with their disks and backups'}; this cannot be undone.${left}${skipped ? ` ${skipped}` : ''} Type ${n} to delete ${servers(n)}.`,
    placeHolder: String(n),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === String(n) ? undefined : `Type ${n}, the number of servers to delete.`),
  });
  if (typed?.trim() !== String(n)) return;
  const alsoAffects: ResourceKind[] = today ? ['primaryIp', ...(volumes > 0 ? (['volume'] as const) : [])] : [];
  await runBatch(ctx, { action: 'Delete', doing: 'Deleting', done: 'deleted', targets: p.go, skipped: p.skipped, alsoAffects, start: (c, s, signal) => c.servers.delete(s.id, { signal }) });
}

/** Change Protection: protect all (against deletion and rebuilding, set together) or remove it from all. */
export async function bulkProtection(ctx: CommandContext, selection: readonly TreeNode[]): Promise<void> {
  const title = 'Change Protection of Servers';
  const { targets } = selectedServers(selection);
  const picked = await ctx.input().quickPick(
    [
      { label: 'Protect', detail: 'Against deletion and rebuilding (the API sets both together)', value: true },
      { label: 'Remove protection', detail: 'Allows deletion and rebuilding', value: false },
    ],
    { title: `Change Protection of ${servers(targets.length)}`, placeHolder: 'Protection' },
  );
  if (!picked) return;
  const on = picked.value;
  const isProtected = (s: Server) => s.protection.delete || s.protection.rebuild;
  const p = plan(title, selection, (s) => (on ? !(s.protection.delete && s.protection.rebuild) : isProtected(s)), () => (on ? 'protected already' : 'not protected'));
  if (!anythingToDo(ctx, p)) return;
  const n = servers(p.go.length);
  const ok = on
    ? await confirmPlan(ctx, p, `Protect ${n} against deletion and rebuilding?`, 'Delete and Rebuild are refused until the protection is removed.', 'Protect')
    : await confirmPlan(ctx, p, `Remove the protection of ${n}?`, 'They can then be deleted and rebuilt.', 'Remove Protection');
  if (!ok) return;
  await runBatch(ctx, {
    action: on ? 'Protect' : 'Remove protection of',
    doing: on ? 'Protecting' : 'Removing the protection of',
    done: on ? 'protected' : 'unprotected',
    targets: p.go,
    skipped: p.skipped,
    start: (c, s, signal) => c.servers.changeProtection(s.id, { delete: on, rebuild: on }, { signal }),
  });
}
