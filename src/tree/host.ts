import type { Volume } from '../api/types';
import type { ClientPool } from '../projects/clientPool';
import type { Project } from '../projects/projectStore';
import type { Lookup } from './format';
import type { FolderData, ListWhat } from './fetch';
import type { ListFolderNode } from './folderNode';
import type { TreeNode } from './node';
import type { WorkspaceRole } from './workspaceOrder';

/** What nodes ask of the provider that owns them (filter, catalog toggle, refresh bookkeeping). */
export interface TreeHost {
  filterOf(projectId: string): string | undefined;
  /** The label selector (Filter by Labels…) the project's labelled lists are fetched with. */
  labelSelectorOf(projectId: string): string | undefined;
  catalogShown(): boolean;
  /** A list folder fetched its children. */
  folderLoaded(folder: ListFolderNode): void;
  /** Re-renders a node (its label, description, icon, and its children if expanded). */
  changed(node: TreeNode): void;
  /** How many projects the tree shows (the environment project opens expanded when it is the only one). */
  projectCount?(): number;
  /** The workspace-bound project (./workspaceProject.ts): what its row says; undefined for the other projects. */
  readonly workspace?: { role(projectId: string): WorkspaceRole | undefined };
}

/** What a resource node needs from its project: names and addresses of others, lazily loaded. */
export interface NodeScope extends Lookup {
  readonly project: Project;
  /** Loads the Floating IPs once if no folder has (so a server can show its Floating IPs' addresses). */
  ensureFloatingIps(): Promise<void>;
  /** Loads the servers once if no folder has (so Floating IPs and backups can name their server). */
  ensureServerNames(): Promise<void>;
  /** Today's API: loads the Primary IPs once if no folder has (so a server's address leaves can name theirs). */
  ensurePrimaryIps?(): Promise<void>;
  /** Today's API: learns these Networks' names if nobody has (one GET, not the folder: nothing polled after). */
  ensureNetworkNames?(ids: number[]): Promise<void>;
  /** Today's API: a volume of the Volumes folder's list, and loading that list once (a server shows its volumes). */
  volume?(id: number): Volume | undefined;
  ensureVolumes?(): Promise<void>;
  /** Today's API: learns these firewalls' names if nobody has (one GET, not the folder: nothing polled after). */
  ensureFirewallNames?(ids: number[]): Promise<void>;
  /** Loads the project's prices if they are not (or no longer: 10 minutes) loaded (a server's backups are priced by them). */
  ensurePrices?(): Promise<void>;
  /** A listing of the kind the project total made moments ago or is making (./projectCosts.ts): a folder's first load takes it instead of listing again. */
  listingOnHand?<W extends ListWhat>(what: W): Promise<FolderData[W]> | undefined;
}

/** Where nodes and the poll scheduler get a project's client: the extension's ClientPool, or a test's one client. */
export type ClientSource = Pick<ClientPool, 'get'>;
