// After Create Server: the new volumes the options step asked for, each made in the server's
// location, attached and mounted (POST /volumes with `server`). The API takes only existing
// volumes in the server's create request, so new ones follow once the server exists.
import type { Server } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import type { CommandContext } from '../context';
import { runAction } from '../runAction';
import type { NewVolume } from './todayModel';

/** Creates each volume for the server, one after the other; says which ones were not made. */
export async function createVolumesFor(ctx: CommandContext, project: Project, server: Server, volumes: readonly NewVolume[]): Promise<void> {
  const missed: string[] = [];
  for (const v of volumes) {
    const made = await runAction(ctx, {
      project,
      title: `Create volume "${v.name}" (${v.size} GB) for server "${server.name}"`,
      start: async (client, signal) => {
        const r = await client.volumes.create({ name: v.name, size: v.size, server: server.id, automount: true, format: v.format }, { signal });
        return { actions: [...(r.action ? [r.action] : []), ...r.nextActions], result: r.volume };
      },
      affects: [{ kind: 'volume' }, { kind: 'server', id: server.id }],
      success: (made) => `Volume "${made.name}" (${made.size} GB) created, attached to "${server.name}" and mounted.`,
    });
    if (!made) missed.push(v.name);
  }
  if (missed.length) missedVolumes(ctx, server, missed);
}

/** Says which new volumes are not there (yet), and how to make them. */
export function missedVolumes(ctx: CommandContext, server: Server | { name: string }, names: readonly string[]): void {
  const list = names.map((n) => `"${n}"`).join(', ');
  ctx.input().warn(`Server "${server.name}": the new volume${names.length > 1 ? 's' : ''} ${list} ${names.length > 1 ? 'were' : 'was'} not created. Use Create Volume on the server to add ${names.length > 1 ? 'them' : 'it'}.`);
}
