// Mark Project Read-Only and Mark Project Writable: the user's guard for a production project
// (src/projects/readOnly.ts). A mark learnt from a read-only API token is lifted only by Update Token.
import { noticeName, readOnlyRefusal } from '../projects/readOnly';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { pickProject } from './pick';

export async function markReadOnly(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, 'Mark Project Read-Only');
  if (!project) return;
  const name = noticeName(project.name);
  if (ctx.projects.readOnly(project.id)) {
    ctx.input().info(`Project "${name}" is read-only already.`);
    return;
  }
  await ctx.projects.setReadOnly(project.id, 'user');
  ctx.input().info(`Project "${name}" is read-only now: its menus show no write commands, and write commands refuse it.`);
}

export async function markWritable(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, 'Mark Project Writable');
  if (!project) return;
  const name = noticeName(project.name);
  const reason = ctx.projects.readOnly(project.id);
  if (!reason) {
    ctx.input().info(`Project "${name}" is not read-only.`);
    return;
  }
  if (reason === 'token') {
    ctx.input().warn(`${readOnlyRefusal(project.name, reason)} Mark Project Writable cannot lift that.`);
    return;
  }
  const sure = await ctx.input().confirm(`Mark project "${name}" writable?`, {
    detail: 'Its menus show write commands again (delete, power off, rebuild, ...).',
    confirmLabel: 'Mark Writable',
  });
  if (!sure) return;
  await ctx.projects.setReadOnly(project.id, undefined);
  ctx.input().info(`Project "${name}" is writable again.`);
}
