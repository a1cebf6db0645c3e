// /servers: get, list, listAll, create, update, delete, metrics, the 18 server actions and the
// server's action list.

import { convertAction, convertImage, convertMetrics, convertServer } from '../convert';
import { ApiEraTracker, eraOfServer } from '../era';
import type {
  ActionResponseSchema,
  CreateImageResponseSchema,
  MetricsResponseSchema,
  RequestConsoleResponseSchema,
  RootPasswordActionResponseSchema,
  ServerCreateRequestSchema,
  ServerCreateResponseSchema,
  ImageSchema,
  ServerSchema,
  ServerUpdateRequestSchema,
} from '../schema';
import type { AddToPlacementGroupRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type {
  Action,
  BackupWindow,
  ConsoleResult,
  CreateImageResult,
  Metrics,
  MetricsParams,
  RescueType,
  RootPasswordResult,
  Server,
  ServerCreateParams,
  ServerCreateResult,
  Labels,
  ServerListParams,
} from '../types';
import { ACTION_MATCH_SLACK_MS, isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import { HcloudError } from '../errors';
import { ActionResource, itemPath, labelQuery } from './base';

function rootPasswordResult(w: RootPasswordActionResponseSchema): RootPasswordResult {
  return { action: convertAction(w.action), rootPassword: w.root_password ?? undefined };
}

export class ServersResource extends ActionResource<ServerSchema, Server, ServerListParams> {
  /** `era` learns from every server this resource converts (with or without `datacenter`). */
  constructor(transport: ApiTransport, era = new ApiEraTracker()) {
    super(transport, '/servers', { one: 'server', many: 'servers' }, (w) => {
      era.note(eraOfServer(w));
      return convertServer(w);
    });
  }

  protected override query(params: ServerListParams): Query {
    return { name: params.name, ...labelQuery(params) };
  }

  /**
   * Creates a server; the answer carries the `create_server` action and, without SSH keys, the root
   * password. Never sent twice: when the answer is lost, the server is looked for by its name (one
   * request, and one for its actions) and returned with `answerLost` set and no root password (it
   * was in the lost answer); when no server of that name was created, the error says so.
   */
  async create(params: ServerCreateParams, opts?: CallOptions): Promise<ServerCreateResult & AnswerLost> {
    const body: ServerCreateRequestSchema = {
      name: params.name,
      server_type: String(params.serverType),
      image: String(params.image),
      location: params.location === undefined ? undefined : String(params.location),
      datacenter: params.datacenter === undefined ? undefined : String(params.datacenter),
      start_after_create: params.startAfterCreate,
      ssh_keys: params.sshKeys,
      user_data: params.userData,
      labels: params.labels,
      volumes: params.volumes,
      automount: params.automount,
      networks: params.networks,
      placement_group: params.placementGroup,
      public_net: params.publicNet && {
        enable_ipv4: params.publicNet.enableIpv4,
        enable_ipv6: params.publicNet.enableIpv6,
        ipv4: params.publicNet.ipv4,
        ipv6: params.publicNet.ipv6,
      },
      firewalls: params.firewalls?.map((firewall) => ({ firewall })),
    };
    const since = Date.now();
    let w: ServerCreateResponseSchema;
    try {
      w = await this.transport.request<ServerCreateResponseSchema>('POST', this.path, { ...opts, body });
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      return this.findCreated(params.name, since, e, opts);
    }
    const nextActions = Array.isArray(w.next_actions) ? w.next_actions.map(convertAction) : undefined;
    return { server: this.convert(w.server), action: convertAction(w.action), ...(nextActions?.length ? { nextActions } : {}), rootPassword: w.root_password ?? undefined };
  }

  /** After a lost create: the server of that name created since `since`, with its create_server action. */
  private async findCreated(name: string, since: number, lost: HcloudError, opts?: CallOptions): Promise<ServerCreateResult & AnswerLost> {
    let server: Server | undefined;
    let action: Action | undefined;
    try {
      server = (await this.list({ name, perPage: 1 }, opts)).items.find((s) => s.name === name && !(s.created.getTime() < since - ACTION_MATCH_SLACK_MS));
      if (server) action = await this.findStartedAction(server.id, 'create_server', since, opts);
    } catch (why) {
      throw lostAnswerError(lost, { found: undefined, why });
    }
    if (!server) throw lostAnswerError(lost, { found: false, what: `no server named "${name}" was created` });
    if (!action) throw lostAnswerError(lost, { found: undefined, why: new Error(`server "${name}" exists (id ${server.id}) but its create_server action was not found`) });
    return { server, action, rootPassword: undefined, answerLost: lost };
  }

  /** Renames a server and/or replaces its labels (today's API). */
  update(id: number, changes: { name?: string; labels?: Labels }, opts?: CallOptions): Promise<Server> {
    const body: ServerUpdateRequestSchema = { name: changes.name, labels: changes.labels };
    return this.put(id, body, opts);
  }

  /** Deletes a server at once; the `delete_server` action tracks the cleanup. */
  async delete(id: number, opts?: CallOptions): Promise<Action> {
    const w = await this.transport.request<ActionResponseSchema>('DELETE', itemPath(this.path, id), opts);
    return convertAction(w.action);
  }

  /** CPU, disk and/or network metrics between `start` and `end`. */
  async metrics(id: number, params: MetricsParams, opts?: CallOptions): Promise<Metrics> {
    const types = Array.isArray(params.type) ? params.type : [params.type];
    const w = await this.transport.request<MetricsResponseSchema>('GET', `${itemPath(this.path, id)}/metrics`, {
      ...opts,
      query: { type: types.join(','), start: params.start.toISOString(), end: params.end.toISOString(), step: params.step },
    });
    return convertMetrics(w.metrics);
  }

  // --- actions -------------------------------------------------------------------------------

  powerOn(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'poweron', undefined, opts);
  }

  /** Soft reboot (ACPI). */
  reboot(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'reboot', undefined, opts);
  }

  /** Hard reset (power cut and start). */
  reset(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'reset', undefined, opts);
  }

  /** Graceful shutdown (ACPI). */
  shutdown(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'shutdown', undefined, opts);
  }

  /** Hard power off. */
  powerOff(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'poweroff', undefined, opts);
  }

  /** New root password, active once the action succeeds. */
  async resetPassword(id: number, opts?: CallOptions): Promise<RootPasswordResult & AnswerLost> {
    return this.withPassword(await this.postActionOrFind<RootPasswordActionResponseSchema>(id, 'reset_password', undefined, opts));
  }

  /** The action and root password of an answer; after a lost answer the action found, without the password. */
  private withPassword(r: { wire?: RootPasswordActionResponseSchema; action: Action & AnswerLost }): RootPasswordResult & AnswerLost {
    return r.wire ? rootPasswordResult(r.wire) : { action: r.action, rootPassword: undefined, answerLost: r.action.answerLost };
  }

  /** Boots into the rescue system on the next start; the root password of the rescue system. */
  async enableRescue(id: number, params: { type?: RescueType; sshKeys?: number[] } = {}, opts?: CallOptions): Promise<RootPasswordResult & AnswerLost> {
    const body = { type: params.type, ssh_keys: params.sshKeys };
    return this.withPassword(await this.postActionOrFind<RootPasswordActionResponseSchema>(id, 'enable_rescue', body, opts));
  }

  disableRescue(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'disable_rescue', undefined, opts);
  }

  /**
   * A snapshot (default) or backup image of the server's disk. After a lost answer, the server's
   * newest create_image action leads to the image (`answerLost` set).
   */
  async createImage(id: number, params: { type?: 'snapshot' | 'backup'; description?: string } = {}, opts?: CallOptions): Promise<CreateImageResult & AnswerLost> {
    const body = { type: params.type, description: params.description };
    const r = await this.postActionOrFind<CreateImageResponseSchema>(id, 'create_image', body, opts);
    if (r.wire) return { image: convertImage(r.wire.image), action: r.action };
    const lost = r.action.answerLost as HcloudError;
    const ref = r.action.resources.find((x) => x.type === 'image');
    try {
      const image = ref ? await this.transport.request<{ image: ImageSchema }>('GET', itemPath('/images', ref.id), opts) : undefined;
      if (!image) throw new Error(`its create_image action ${r.action.id} names no image`);
      return { image: convertImage(image.image), action: r.action, answerLost: lost };
    } catch (why) {
      throw lostAnswerError(lost, { found: undefined, why });
    }
  }

  /** Overwrites the disk with an image (ID or name); a new root password unless SSH keys apply. */
  async rebuild(id: number, image: string | number, opts?: CallOptions): Promise<RootPasswordResult & AnswerLost> {
    return this.withPassword(await this.postActionOrFind<RootPasswordActionResponseSchema>(id, 'rebuild', { image: String(image) }, opts));
  }

  /** Server must be off. `upgradeDisk: false` keeps the disk so the type can be downgraded later. */
  changeType(id: number, serverType: string | number, upgradeDisk: boolean, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_type', { server_type: String(serverType), upgrade_disk: upgradeDisk }, opts);
  }

  /** Daily backups in `window` (UTC); the API picks one when absent. */
  enableBackup(id: number, window?: BackupWindow, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'enable_backup', { backup_window: window }, opts);
  }

  /** Turns backups off and deletes the server's backups. */
  disableBackup(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'disable_backup', undefined, opts);
  }

  /** Attaches an ISO (ID or name). */
  attachIso(id: number, iso: string | number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'attach_iso', { iso: String(iso) }, opts);
  }

  detachIso(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'detach_iso', undefined, opts);
  }

  /** Reverse DNS of one of the server's primary IPs; `null` resets it to the default. */
  changeDnsPtr(id: number, ip: string, dnsPtr: string | null, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_dns_ptr', { ip, dns_ptr: dnsPtr }, opts);
  }

  /** The API currently wants `delete` and `rebuild` to be equal. */
  changeProtection(id: number, protection: { delete?: boolean; rebuild?: boolean }, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_protection', { delete: protection.delete, rebuild: protection.rebuild }, opts);
  }

  /** VNC-over-websocket credentials (the URL is valid for about a minute); after a lost answer they are gone: the error says so. */
  async requestConsole(id: number, opts?: CallOptions): Promise<ConsoleResult> {
    const r = await this.postActionOrFind<RequestConsoleResponseSchema>(id, 'request_console', undefined, opts);
    if (!r.wire) {
      const lost = r.action.answerLost as HcloudError;
      throw new HcloudError({
        code: lost.code,
        message: `${lost.message} The console was opened, but its URL and password were in the lost answer: request the console again.`,
        status: lost.status,
        details: { answerLost: true, found: true },
        method: lost.method,
        path: lost.path,
        cause: lost,
      });
    }
    const w = r.wire;
    return { wssUrl: w.wss_url, password: w.password, action: r.action };
  }

  /** Today's API: puts a server (which must be off) into a placement group. */
  addToPlacementGroup(id: number, placementGroupId: number, opts?: CallOptions): Promise<Action> {
    const body: AddToPlacementGroupRequestSchema = { placement_group: placementGroupId };
    return this.runAction(id, 'add_to_placement_group', body, opts);
  }

  /** Today's API: takes a server out of its placement group. */
  removeFromPlacementGroup(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'remove_from_placement_group', undefined, opts);
  }
}
