// Every command of the extension, its id written out once: one table per noun of `id → handler`
// (registered by ./index.ts). Grep an id and the line names its handler and the file it lives in.
// No vscode import here, so unit tests can read the tables.
//
// A handler's file is loaded the first time one of its commands runs (`lazy`; the build puts what
// these import()s reach in dist/extension-lazy.js, which Node loads then, see
// scripts/splitBundle.mjs): activation registers the ids only, and the wizards, pickers and
// prompts are neither compiled nor run until they are used.
// package.json's contributes.commands and menus are kept in step with these tables by
// test/unit/commands/commandTable.test.ts and test/integration/extension.test.ts.
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';

/**
 * What a command runs: from the tree it gets the node, from the palette nothing (it asks). The tree
 * allows multi-select: VS Code then also passes the selected nodes (`selection`, the node among them).
 */
export type Handler = (ctx: CommandContext, node?: TreeNode, selection?: readonly TreeNode[]) => unknown;
type Table = Readonly<Record<string, Handler>>;

/** A handler of module `load()` (picked by `pick`), loaded on the command's first run. */
function lazy<M>(load: () => Promise<M>, pick: (m: M) => Handler): Handler {
  return async (ctx, node) => pick(await load())(ctx, node);
}

// --- bulk actions (a multi-selection of servers: ./bulk/) -------------------------------------
const bulk = () => import('./bulk/commands');
type BulkHandler = (ctx: CommandContext, selection: readonly TreeNode[]) => unknown;

/**
 * A server command that also acts on a multi-selection: when two or more rows are selected and
 * the one clicked is among them, `many` (of ./bulk/commands.ts) runs on all of them; otherwise
 * `single`, exactly as without a selection.
 */
function many(single: Handler, pick: (m: Awaited<ReturnType<typeof bulk>>) => BulkHandler): Handler {
  return async (ctx, node, selection) => {
    if (node && selection && selection.length > 1 && selection.some((n) => n.id === node.id)) return pick(await bulk())(ctx, selection);
    return single(ctx, node);
  };
}

const actionLog = () => import('./actionLog');
const createServer = () => import('./createServer');
const floatingIp = () => import('./floatingIp');
const image = () => import('./image');
const labels = () => import('./labels');
const metrics = () => import('./metrics');
const placementGroup = () => import('./placementGroup');
const project = () => import('./project');
const disk = () => import('./server/disk');
const identity = () => import('./server/identity');
const power = () => import('./server/power');
const sshKey = () => import('./sshKey');
const view = () => import('./view');
const primaryIp = () => import('./primaryIp');
const network = () => import('./network');
const serverNetwork = () => import('./server/network');
const volume = () => import('./volume/create');
const volumeManage = () => import('./volume/manage');
const certificateUpload = () => import('./certificate/upload');
const certificateManage = () => import('./certificate/manage');
const loadBalancerCreate = () => import('./loadBalancer/create');
const loadBalancerMetrics = () => import('./loadBalancer/showMetrics');
const loadBalancerTargets = () => import('./loadBalancer/targets');
const loadBalancerServices = () => import('./loadBalancer/services');
const loadBalancerSettings = () => import('./loadBalancer/settings');
const firewall = () => import('./firewall/create');
const firewallManage = () => import('./firewall/manage');
const firewallRules = () => import('./firewall/editRules');
const connectFolder = () => import('./connect/openFolder');
const connectSsh = () => import('./connect/sshWhenReady');
const costs = () => import('./costs');
const serverConsole = () => import('./server/console');
const projectReadOnly = () => import('./projectReadOnly');
const workspace = () => import('./workspace');

const PROJECT: Table = {
  'hcloud.project.add': lazy(project, (m) => m.addProject),
  'hcloud.project.rename': lazy(project, (m) => m.renameProject),
  'hcloud.project.updateToken': lazy(project, (m) => m.updateToken),
  'hcloud.project.remove': lazy(project, (m) => m.removeProject),
  'hcloud.project.refresh': lazy(project, (m) => m.refreshProject),
  'hcloud.project.showActionLog': lazy(actionLog, (m) => m.showActionLog),
  'hcloud.project.showCosts': lazy(costs, (m) => m.showCosts),
  'hcloud.refreshAll': lazy(project, (m) => m.refreshAll),
};

/** The tree's own rows and the view: retry, copy, filters, the catalog, the log. */
const VIEW: Table = {
  'hcloud.node.retry': lazy(project, (m) => m.retryNode),
  'hcloud.node.copy': lazy(view, (m) => m.copyNode),
  'hcloud.view.filter': lazy(view, (m) => m.setFilter),
  'hcloud.view.filterByLabels': lazy(labels, (m) => m.filterByLabels),
  'hcloud.view.clearFilter': lazy(view, (m) => m.clearFilter),
  'hcloud.view.toggleCatalog': lazy(view, (m) => m.toggleCatalog),
  'hcloud.view.showCatalog': lazy(view, (m) => m.showCatalog),
  'hcloud.view.hideCatalog': lazy(view, (m) => m.hideCatalog),
  'hcloud.showLog': lazy(view, (m) => m.showLog),
};

const SERVER: Table = {
  'hcloud.server.create': lazy(createServer, (m) => m.createServer),
  'hcloud.server.powerOn': many(lazy(power, (m) => m.powerOn), (m) => m.bulkPowerOn),
  'hcloud.server.shutdown': many(lazy(power, (m) => m.shutdown), (m) => m.bulkShutdown),
  'hcloud.server.reboot': many(lazy(power, (m) => m.reboot), (m) => m.bulkReboot),
  'hcloud.server.powerOff': many(lazy(power, (m) => m.powerOff), (m) => m.bulkPowerOff),
  'hcloud.server.reset': lazy(power, (m) => m.reset),
  'hcloud.server.resetPassword': lazy(power, (m) => m.resetPassword),
  'hcloud.server.enableRescue': lazy(power, (m) => m.enableRescue),
  'hcloud.server.disableRescue': lazy(power, (m) => m.disableRescue),
  'hcloud.server.requestConsole': lazy(power, (m) => m.requestConsole),
  'hcloud.server.createImage': lazy(disk, (m) => m.createImage),
  'hcloud.server.rebuild': lazy(disk, (m) => m.rebuild),
  'hcloud.server.changeType': lazy(disk, (m) => m.changeType),
  'hcloud.server.enableBackup': lazy(disk, (m) => m.enableBackup),
  'hcloud.server.disableBackup': lazy(disk, (m) => m.disableBackup),
  'hcloud.server.attachIso': lazy(disk, (m) => m.attachIso),
  'hcloud.server.detachIso': lazy(disk, (m) => m.detachIso),
  'hcloud.server.changeDnsPtr': lazy(identity, (m) => m.changeDnsPtr),
  'hcloud.server.changeProtection': many(lazy(identity, (m) => m.changeProtection), (m) => m.bulkProtection),
  'hcloud.server.rename': lazy(identity, (m) => m.rename),
  'hcloud.server.delete': many(lazy(identity, (m) => m.deleteServer), (m) => m.bulkDelete),
  'hcloud.server.copyIp': lazy(identity, (m) => m.copyIp),
  'hcloud.server.copyId': lazy(identity, (m) => m.copyId),
  'hcloud.server.openSsh': lazy(identity, (m) => m.openSsh),
  'hcloud.server.editLabels': many(lazy(labels, (m) => m.editServerLabels), (m) => m.bulkLabels),
  'hcloud.server.showMetrics': lazy(metrics, (m) => m.showMetrics),
  'hcloud.server.showActions': lazy(actionLog, (m) => m.showServerActions),
  'hcloud.server.openFolder': lazy(connectFolder, (m) => m.openFolder),
  'hcloud.server.openSshWhenReady': lazy(connectSsh, (m) => m.openSshWhenReady),
  'hcloud.server.openConsole': lazy(serverConsole, (m) => m.openConsole),
};

const FLOATING_IP: Table = {
  'hcloud.floatingIp.create': lazy(floatingIp, (m) => m.createFloatingIp),
  'hcloud.floatingIp.assign': lazy(floatingIp, (m) => m.assignFloatingIp),
  'hcloud.floatingIp.unassign': lazy(floatingIp, (m) => m.unassignFloatingIp),
  'hcloud.floatingIp.changeDnsPtr': lazy(floatingIp, (m) => m.changeFloatingIpDnsPtr),
  'hcloud.floatingIp.changeDescription': lazy(floatingIp, (m) => m.changeFloatingIpDescription),
  'hcloud.floatingIp.changeProtection': lazy(floatingIp, (m) => m.changeFloatingIpProtection),
  'hcloud.floatingIp.copyIp': lazy(floatingIp, (m) => m.copyFloatingIp),
  'hcloud.floatingIp.delete': lazy(floatingIp, (m) => m.deleteFloatingIp),
  'hcloud.floatingIp.editLabels': lazy(labels, (m) => m.editFloatingIpLabels),
  'hcloud.floatingIp.showActions': lazy(actionLog, (m) => m.showFloatingIpActions),
};

const IMAGE: Table = {
  'hcloud.image.changeDescription': lazy(image, (m) => m.changeImageDescription),
  'hcloud.image.convertToSnapshot': lazy(image, (m) => m.convertBackupToSnapshot),
  'hcloud.image.changeProtection': lazy(image, (m) => m.changeImageProtection),
  'hcloud.image.delete': lazy(image, (m) => m.deleteImage),
  'hcloud.image.rebuildServer': lazy(disk, (m) => m.rebuildServerFromImage),
  'hcloud.image.editLabels': lazy(labels, (m) => m.editImageLabels),
  'hcloud.image.showActions': lazy(actionLog, (m) => m.showImageActions),
};

const SSH_KEY: Table = {
  'hcloud.sshKey.add': lazy(sshKey, (m) => m.addSshKey),
  'hcloud.sshKey.rename': lazy(sshKey, (m) => m.renameSshKey),
  'hcloud.sshKey.copyFingerprint': lazy(sshKey, (m) => m.copySshKeyFingerprint),
  'hcloud.sshKey.delete': lazy(sshKey, (m) => m.deleteSshKey),
  'hcloud.sshKey.editLabels': lazy(labels, (m) => m.editSshKeyLabels),
};

const PRIMARY_IP: Table = {
  'hcloud.primaryIp.create': lazy(primaryIp, (m) => m.createPrimaryIp),
  'hcloud.primaryIp.assign': lazy(primaryIp, (m) => m.assignPrimaryIp),
  'hcloud.primaryIp.unassign': lazy(primaryIp, (m) => m.unassignPrimaryIp),
  'hcloud.primaryIp.changeDnsPtr': lazy(primaryIp, (m) => m.changePrimaryIpDnsPtr),
  'hcloud.primaryIp.changeAutoDelete': lazy(primaryIp, (m) => m.changePrimaryIpAutoDelete),
  'hcloud.primaryIp.changeProtection': lazy(primaryIp, (m) => m.changePrimaryIpProtection),
  'hcloud.primaryIp.rename': lazy(primaryIp, (m) => m.renamePrimaryIp),
  'hcloud.primaryIp.copyIp': lazy(primaryIp, (m) => m.copyPrimaryIp),
  'hcloud.primaryIp.delete': lazy(primaryIp, (m) => m.deletePrimaryIp),
  'hcloud.primaryIp.editLabels': lazy(primaryIp, (m) => m.editPrimaryIpLabels),
  'hcloud.primaryIp.showActions': lazy(actionLog, (m) => m.showPrimaryIpActions),
};

const PLACEMENT_GROUP: Table = {
  'hcloud.placementGroup.create': lazy(placementGroup, (m) => m.createPlacementGroup),
  'hcloud.placementGroup.rename': lazy(placementGroup, (m) => m.renamePlacementGroup),
  'hcloud.placementGroup.editLabels': lazy(placementGroup, (m) => m.editPlacementGroupLabels),
  'hcloud.placementGroup.delete': lazy(placementGroup, (m) => m.deletePlacementGroup),
  'hcloud.server.addToPlacementGroup': lazy(placementGroup, (m) => m.addToPlacementGroup),
  'hcloud.server.removeFromPlacementGroup': lazy(placementGroup, (m) => m.removeFromPlacementGroup),
};

const NETWORK: Table = {
  'hcloud.network.create': lazy(network, (m) => m.createNetwork),
  'hcloud.network.changeIpRange': lazy(network, (m) => m.changeNetworkIpRange),
  'hcloud.network.addSubnet': lazy(network, (m) => m.addNetworkSubnet),
  'hcloud.network.deleteSubnet': lazy(network, (m) => m.deleteNetworkSubnet),
  'hcloud.network.addRoute': lazy(network, (m) => m.addNetworkRoute),
  'hcloud.network.deleteRoute': lazy(network, (m) => m.deleteNetworkRoute),
  'hcloud.network.exposeRoutesToVswitch': lazy(network, (m) => m.exposeNetworkRoutesToVswitch),
  'hcloud.network.rename': lazy(network, (m) => m.renameNetwork),
  'hcloud.network.editLabels': lazy(network, (m) => m.editNetworkLabels),
  'hcloud.network.changeProtection': lazy(network, (m) => m.changeNetworkProtection),
  'hcloud.network.delete': lazy(network, (m) => m.deleteNetwork),
  'hcloud.network.showActions': lazy(actionLog, (m) => m.showNetworkActions),
};

/** A server's private networks (noun `server`, a table of its own beside SERVER). */
const SERVER_NETWORK: Table = {
  'hcloud.server.attachToNetwork': lazy(serverNetwork, (m) => m.attachToNetwork),
  'hcloud.server.detachFromNetwork': lazy(serverNetwork, (m) => m.detachFromNetwork),
  'hcloud.server.changeAliasIps': lazy(serverNetwork, (m) => m.changeAliasIps),
};

/** The tables, one per noun; an id in two of them is an error (registerCommands throws). */
/** Today's API only: the menus show them on volume rows, the Volumes folder and servers. */
const VOLUME: Table = {
  'hcloud.volume.create': lazy(volume, (m) => m.createVolume),
  'hcloud.volume.attach': lazy(volumeManage, (m) => m.attachVolume),
  'hcloud.volume.detach': lazy(volumeManage, (m) => m.detachVolume),
  'hcloud.volume.resize': lazy(volume, (m) => m.resizeVolume),
  'hcloud.volume.rename': lazy(volumeManage, (m) => m.renameVolume),
  'hcloud.volume.editLabels': lazy(labels, (m) => m.editVolumeLabels),
  'hcloud.volume.changeProtection': lazy(volumeManage, (m) => m.changeVolumeProtection),
  'hcloud.volume.delete': lazy(volumeManage, (m) => m.deleteVolume),
  'hcloud.volume.copyMountCommand': lazy(volumeManage, (m) => m.copyVolumeMountCommand),
  'hcloud.volume.showActions': lazy(actionLog, (m) => m.showVolumeActions),
};

/** Today's API only: the menus show them on certificate rows and the Certificates folder. */
const CERTIFICATE: Table = {
  'hcloud.certificate.upload': lazy(certificateUpload, (m) => m.uploadCertificate),
  'hcloud.certificate.createManaged': lazy(certificateManage, (m) => m.createManagedCertificate),
  'hcloud.certificate.retry': lazy(certificateManage, (m) => m.retryCertificate),
  'hcloud.certificate.rename': lazy(certificateManage, (m) => m.renameCertificate),
  'hcloud.certificate.editLabels': lazy(certificateManage, (m) => m.editCertificateLabels),
  'hcloud.certificate.delete': lazy(certificateManage, (m) => m.deleteCertificate),
  'hcloud.certificate.showActions': lazy(actionLog, (m) => m.showCertificateActions),
};

/** Today's API only: Load Balancers (the menus show them on Load Balancer rows and their folder). */
const LOAD_BALANCER: Table = {
  'hcloud.loadBalancer.create': lazy(loadBalancerCreate, (m) => m.createLoadBalancer),
  'hcloud.loadBalancer.showMetrics': lazy(loadBalancerMetrics, (m) => m.showLoadBalancerMetrics),
  'hcloud.loadBalancer.addTarget': lazy(loadBalancerTargets, (m) => m.addLoadBalancerTarget),
  'hcloud.loadBalancer.removeTarget': lazy(loadBalancerTargets, (m) => m.removeLoadBalancerTarget),
  'hcloud.loadBalancer.addService': lazy(loadBalancerServices, (m) => m.addLoadBalancerService),
  'hcloud.loadBalancer.updateService': lazy(loadBalancerServices, (m) => m.updateLoadBalancerService),
  'hcloud.loadBalancer.deleteService': lazy(loadBalancerServices, (m) => m.deleteLoadBalancerService),
  'hcloud.loadBalancer.changeAlgorithm': lazy(loadBalancerSettings, (m) => m.changeLoadBalancerAlgorithm),
  'hcloud.loadBalancer.changeType': lazy(loadBalancerSettings, (m) => m.changeLoadBalancerType),
  'hcloud.loadBalancer.attachToNetwork': lazy(loadBalancerSettings, (m) => m.attachLoadBalancerToNetwork),
  'hcloud.loadBalancer.detachFromNetwork': lazy(loadBalancerSettings, (m) => m.detachLoadBalancerFromNetwork),
  'hcloud.loadBalancer.enablePublicInterface': lazy(loadBalancerSettings, (m) => m.enableLoadBalancerPublicInterface),
  'hcloud.loadBalancer.disablePublicInterface': lazy(loadBalancerSettings, (m) => m.disableLoadBalancerPublicInterface),
  'hcloud.loadBalancer.changeDnsPtr': lazy(loadBalancerSettings, (m) => m.changeLoadBalancerDnsPtr),
  'hcloud.loadBalancer.changeProtection': lazy(loadBalancerSettings, (m) => m.changeLoadBalancerProtection),
  'hcloud.loadBalancer.rename': lazy(loadBalancerSettings, (m) => m.renameLoadBalancer),
  'hcloud.loadBalancer.editLabels': lazy(loadBalancerSettings, (m) => m.editLoadBalancerLabels),
  'hcloud.loadBalancer.delete': lazy(loadBalancerSettings, (m) => m.deleteLoadBalancer),
  'hcloud.loadBalancer.showActions': lazy(actionLog, (m) => m.showLoadBalancerActions),
};

/** The tables, one per noun; an id in two of them is an error (registerCommands throws). */
/** Today's API only: the menus show them on firewall rows, the Firewalls folder and servers. */
const FIREWALL: Table = {
  'hcloud.firewall.create': lazy(firewall, (m) => m.createFirewall),
  'hcloud.firewall.applyToResources': lazy(firewallManage, (m) => m.applyFirewall),
  'hcloud.firewall.removeFromResources': lazy(firewallManage, (m) => m.removeFirewall),
  'hcloud.firewall.rename': lazy(firewallManage, (m) => m.renameFirewall),
  'hcloud.firewall.editLabels': lazy(firewallManage, (m) => m.editFirewallLabels),
  'hcloud.firewall.delete': lazy(firewallManage, (m) => m.deleteFirewall),
  'hcloud.firewall.showActions': lazy(actionLog, (m) => m.showFirewallActions),
  'hcloud.firewall.editRules': lazy(firewallRules, (m) => m.editFirewallRules),
};

/** Read-only projects (./access.ts guards the writes). */
const READ_ONLY: Table = {
  'hcloud.project.markReadOnly': lazy(projectReadOnly, (m) => m.markReadOnly),
  'hcloud.project.markWritable': lazy(projectReadOnly, (m) => m.markWritable),
};

/** The workspace-bound project: the workspace settings hcloud.workspace.project and hcloud.workspace.filter. */
const WORKSPACE: Table = {
  'hcloud.workspace.bindProject': lazy(workspace, (m) => m.bindProject),
  'hcloud.workspace.unbindProject': lazy(workspace, (m) => m.unbindProject),
};

export const COMMAND_TABLES: Readonly<Record<string, Table>> = { PROJECT, VIEW, SERVER, FLOATING_IP, IMAGE, SSH_KEY, PRIMARY_IP, PLACEMENT_GROUP, NETWORK, SERVER_NETWORK, VOLUME,
  CERTIFICATE, LOAD_BALANCER, FIREWALL,
  READ_ONLY, WORKSPACE };
