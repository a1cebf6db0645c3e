import * as vscode from 'vscode';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { attachIso, changeType, createImage, detachIso, disableBackup, enableBackup, rebuild, rebuildServerFromImage } from './server/disk';
import { changeDnsPtr, changeProtection, copyId, copyIp, deleteServer, openSsh, rename } from './server/identity';
import { disableRescue, enableRescue, powerOff, powerOn, reboot, requestConsole, reset, resetPassword, shutdown } from './server/power';

type Handler = (ctx: CommandContext, node?: TreeNode) => Promise<unknown>;

/** hcloud.server.* (and hcloud.image.rebuildServer, which runs the same rebuild flow). */
const COMMANDS: Record<string, Handler> = {
  'hcloud.server.powerOn': powerOn,
  'hcloud.server.shutdown': shutdown,
  'hcloud.server.reboot': reboot,
  'hcloud.server.powerOff': powerOff,
  'hcloud.server.reset': reset,
  'hcloud.server.resetPassword': resetPassword,
  'hcloud.server.enableRescue': enableRescue,
  'hcloud.server.disableRescue': disableRescue,
  'hcloud.server.createImage': createImage,
  'hcloud.server.rebuild': rebuild,
  'hcloud.server.changeType': changeType,
  'hcloud.server.enableBackup': enableBackup,
  'hcloud.server.disableBackup': disableBackup,
  'hcloud.server.attachIso': attachIso,
  'hcloud.server.detachIso': detachIso,
  'hcloud.server.changeDnsPtr': changeDnsPtr,
  'hcloud.server.changeProtection': changeProtection,
  'hcloud.server.requestConsole': requestConsole,
  'hcloud.server.rename': rename,
  'hcloud.server.delete': deleteServer,
  'hcloud.server.copyIp': copyIp,
  'hcloud.server.copyId': copyId,
  'hcloud.server.openSsh': openSsh,
  'hcloud.image.rebuildServer': rebuildServerFromImage,
};

/** Registers the server commands; from the tree they get the node, from the palette they ask. */
export function registerServerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, (node?: TreeNode) => handler(ctx, node)),
  );
}
