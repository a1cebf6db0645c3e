// Which commands write, in one list, and the guard of read-only projects (src/projects/readOnly.ts).
//
// READ_COMMANDS are the commands that send no write to the API: they read (lists, metrics, the action
// log, costs), work on this machine only (copy, SSH, Open Folder, filters, the project's own name and
// token), or mark a project. Every other command of ./table.ts writes: it is refused on a read-only
// project, and its menu entries (package.json) carry `viewItem =~ /^(?!.*;readOnly;)/`, so a new
// command is a write until it is listed here (test/unit/commands/readOnlyMenus.test.ts checks both).
// Open Console is a write: request_console is a POST, which a read-only API token is refused, and the
// console types on the server.
import { type ReadOnlyReason, readOnlyRefusal } from '../projects/readOnly';
import type { Project } from '../projects/projectStore';
import { projectOf } from '../tree/resourceNode';
import type { CommandContext } from './context';
import type { Handler } from './table';

export const READ_COMMANDS: ReadonlySet<string> = new Set([
  'hcloud.project.add',
  'hcloud.project.rename',
  'hcloud.project.updateToken',
  'hcloud.project.remove',
  'hcloud.project.refresh',
  'hcloud.project.showActionLog',
  'hcloud.project.showCosts',
  'hcloud.project.markReadOnly',
  'hcloud.project.markWritable',
  'hcloud.refreshAll',
  'hcloud.showLog',
  'hcloud.node.retry',
  'hcloud.node.copy',
  'hcloud.view.filter',
  'hcloud.view.filterByLabels',
  'hcloud.view.clearFilter',
  'hcloud.view.toggleCatalog',
  'hcloud.view.showCatalog',
  'hcloud.view.hideCatalog',
  'hcloud.server.copyIp',
  'hcloud.server.copyId',
  'hcloud.server.openSsh',
  'hcloud.server.openFolder',
  'hcloud.server.openSshWhenReady',
  'hcloud.server.showMetrics',
  'hcloud.server.showActions',
  'hcloud.floatingIp.copyIp',
  'hcloud.floatingIp.showActions',
  'hcloud.image.showActions',
  'hcloud.sshKey.copyFingerprint',
  'hcloud.primaryIp.copyIp',
  'hcloud.primaryIp.showActions',
  'hcloud.network.showActions',
  'hcloud.volume.copyMountCommand',
  'hcloud.volume.showActions',
  'hcloud.certificate.showActions',
  'hcloud.loadBalancer.showMetrics',
  'hcloud.loadBalancer.showActions',
  'hcloud.firewall.showActions',
  'hcloud.workspace.bindProject',
  'hcloud.workspace.unbindProject',
]);

export function isWriteCommand(id: string): boolean {
  return !READ_COMMANDS.has(id);
}

/** Why a write to the project is refused now, or undefined when it is writable. */
export function writeRefusal(ctx: Pick<CommandContext, 'projects'>, project: Pick<Project, 'id' | 'name'>): string | undefined {
  const reason: ReadOnlyReason | undefined = ctx.projects.readOnly(project.id);
  return reason && readOnlyRefusal(project.name, reason);
}

/**
 * The guard of every write: true (and the reason said) when the project is read-only, before
 * anything is asked or sent. ./index.ts runs it for a command started on a tree node; the project
 * picker (./pick.ts) for one started from the palette; a bulk action calls it with its project.
 */
export function refuseWrite(ctx: CommandContext, project: Pick<Project, 'id' | 'name'>): boolean {
  const refusal = writeRefusal(ctx, project);
  if (refusal) ctx.input().warn(refusal);
  return !!refusal;
}

/**
 * A command as ./index.ts registers it: a write started on a node of a read-only project is refused
 * there; otherwise it runs with `writes` set, so that its project picker refuses read-only projects.
 */
export function guarded(id: string, handler: Handler): Handler {
  if (!isWriteCommand(id)) return handler;
  return (ctx, node, selection) => {
    const project = projectOf(node);
    if (project && refuseWrite(ctx, project)) return undefined;
    return handler({ ...ctx, writes: true }, node, selection);
  };
}
