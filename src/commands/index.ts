import * as vscode from 'vscode';
import { registerActionLogCommands } from './actionLog';
import type { CommandContext } from './context';
import { registerCreateServerCommands } from './createServer';
import { registerFloatingIpCommands } from './floatingIp';
import { registerImageCommands } from './image';
import { registerLabelCommands } from './labels';
import { registerMetricsCommands } from './metrics';
import { registerProjectCommands } from './project';
import { registerServerCommands } from './server';
import { registerSshKeyCommands } from './sshKey';
import { registerViewCommands } from './view';

/** Every command of the extension, registered in one place; one file per noun. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    ...registerProjectCommands(ctx),
    ...registerServerCommands(ctx),
    ...registerCreateServerCommands(ctx),
    ...registerFloatingIpCommands(ctx),
    ...registerImageCommands(ctx),
    ...registerSshKeyCommands(ctx),
    ...registerLabelCommands(ctx),
    ...registerViewCommands(ctx),
    ...registerMetricsCommands(ctx),
    ...registerActionLogCommands(ctx),
    vscode.commands.registerCommand('hcloud.showLog', () => ctx.log.show(true)),
  ];
}
