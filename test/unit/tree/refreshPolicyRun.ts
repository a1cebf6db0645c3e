// Drives a RefreshPolicy over simulated time as the tree does, without any request: a full listing
// costs the folder's pages (and reloads it with the same pages), a check and a poll one request each
// (polls never settle). Used by the refreshPolicy*.test.ts files.
import { RefreshPolicy, type DueItem, type FolderClass, type RefreshPolicyOptions } from '../../../src/tree/refreshPolicy';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

export interface Folder {
  key: string;
  cls: FolderClass;
  pages: number;
}

/** A project with servers of `serverPages` pages and the four slow folders of one page each. */
export function project(serverPages: number, id = 'p'): Folder[] {
  return [
    { key: `project/${id}/servers`, cls: 'fast', pages: serverPages },
    ...['floatingIps', 'images/snapshots', 'images/backups', 'sshKeys'].map((f) => ({ key: `project/${id}/${f}`, cls: 'slow' as const, pages: 1 })),
  ];
}

export class PolicyRun {
  t = 1_000_000;
  readonly policy: RefreshPolicy;
  /** Per folder key: when it was listed in full (the first load included). */
  readonly listings = new Map<string, number[]>();
  /** Every item due() returned, with its time. */
  readonly done: Array<DueItem & { at: number }> = [];
  requests = 0;
  private readonly folders = new Map<string, Folder>();

  constructor(options: RefreshPolicyOptions, folders: Folder[], visible = true) {
    this.policy = new RefreshPolicy(() => this.t, options);
    this.policy.setVisible(visible);
    for (const f of folders) this.load(f);
  }

  /** The folder was loaded (by the user, or by the run). */
  load(f: Folder): void {
    this.folders.set(f.key, f);
    this.policy.folderLoaded(f.key, f.cls, f.pages);
    this.listings.set(f.key, [...(this.listings.get(f.key) ?? []), this.t]);
  }

  /** Lets `ms` pass, doing what the policy asks when it asks. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (let next = this.policy.nextDue(); next !== undefined && next <= end; next = this.policy.nextDue()) {
      this.t = Math.max(this.t, next);
      for (const item of this.policy.due()) {
        this.done.push({ ...item, at: this.t });
        if (item.reason === 'periodic') {
          const f = this.folders.get(item.key) as Folder;
          this.requests += f.pages;
          this.load(f);
        } else {
          this.requests += 1;
          if (item.reason === 'poll') this.policy.pollResult(item.key, false);
        }
      }
    }
    this.t = end;
  }

  /** The gaps between the folder's full listings (ms). */
  gaps(key: string): number[] {
    const at = this.listings.get(key) ?? [];
    return at.slice(1).map((t, i) => t - at[i]);
  }

  /** What due() returned for the key, by reason. */
  count(key: string, reason: DueItem['reason']): number {
    return this.done.filter((d) => d.key === key && d.reason === reason).length;
  }
}
