// The buttons on Create Server's success message: Show Metrics, and Open SSH When Ready when the
// server was started and has a public IP.
import type { Server } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import type { CommandContext } from '../context';
import type { NextStep } from '../runAction';
import { sshWhenReadyStep } from './sshWhenReady';

export function createdNextSteps(ctx: CommandContext, project: Project, server: Server, started: boolean): NextStep[] {
  return [
    { label: 'Show Metrics', run: async () => (await ctx.metricsPanels()).show(project, server) },
    ...(started ? sshWhenReadyStep(ctx, { project, resource: server }) : []),
  ];
}
