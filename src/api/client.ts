// The Hetzner Cloud client: one object per resource over one transport. No vscode, no DOM.

import { ApiEraTracker } from './era';
import { HttpTransport } from './http';
import { ActionsResource } from './resources/actions';
import { BadItems, type BadItem } from './resources/base';
import { DatacentersResource } from './resources/datacenters';
import { FloatingIpsResource } from './resources/floatingIps';
import { ImagesResource } from './resources/images';
import { IsosResource } from './resources/isos';
import { LocationsResource } from './resources/locations';
import { PlacementGroupsResource } from './resources/placementGroups';
import { PricingResource } from './resources/pricing';
import { ServersResource } from './resources/servers';
import { ServerTypesResource } from './resources/serverTypes';
import { SshKeysResource } from './resources/sshKeys';
import { PrimaryIpsResource } from './resources/primaryIps';
import { NetworksResource } from './resources/networks';
import { ServerNetworksResource } from './resources/serverNetworks';
import { VolumesResource } from './resources/volumes';
import { LoadBalancersResource } from './resources/loadBalancers';
import { LoadBalancerTypesResource } from './resources/loadBalancerTypes';
import { CertificatesResource } from './resources/certificates';
import { FirewallsResource } from './resources/firewalls';
import type { ApiTransport, BudgetState, HttpTransportOptions, RateLimitInfo } from './transport';
import type { Action, ApiEra } from './types';
import { waitForActions, type WaitOptions } from './waiter';

export type HcloudClientOptions = (HttpTransportOptions | { transport: ApiTransport; /** Shares this client's era and unreadable items (see over()). */ eraOf?: HcloudClient }) & {
  /** Called once per item of an answer that cannot be read (left out of its list); never gets a token. */
  onBadItem?: (item: BadItem) => void;
};

export class HcloudClient {
  readonly transport: ApiTransport;
  readonly actions: ActionsResource;
  readonly servers: ServersResource;
  readonly floatingIps: FloatingIpsResource;
  readonly sshKeys: SshKeysResource;
  readonly serverTypes: ServerTypesResource;
  readonly locations: LocationsResource;
  readonly datacenters: DatacentersResource;
  readonly images: ImagesResource;
  readonly isos: IsosResource;
  readonly pricing: PricingResource;
  /** Today's API only. */
  readonly primaryIps: PrimaryIpsResource;
  readonly placementGroups: PlacementGroupsResource;
  readonly networks: NetworksResource;
  /** A server's private networks (attach, detach, alias IPs). */
  readonly serverNetworks: ServerNetworksResource;
  readonly volumes: VolumesResource;
  /** Today's API only. */
  readonly loadBalancers: LoadBalancersResource;
  readonly loadBalancerTypes: LoadBalancerTypesResource;
  readonly certificates: CertificatesResource;
  readonly firewalls: FirewallsResource;
  private readonly eraTracker: ApiEraTracker;
  private readonly onBadItem: ((item: BadItem) => void) | undefined;
  /** The items this client (and the clients `over()` it) could not read: each is reported once. */
  private readonly badItems: BadItems;

  /** `{ token, endpoint?, ... }` builds the HTTP transport; `{ transport }` uses the one given (tests, decorators). */
  constructor(options: HcloudClientOptions) {
    const t = 'transport' in options ? options.transport : new HttpTransport(options);
    this.transport = t;
    this.eraTracker = ('eraOf' in options && options.eraOf?.eraTracker) || new ApiEraTracker();
    this.onBadItem = options.onBadItem;
    this.actions = new ActionsResource(t);
    this.servers = new ServersResource(t, this.eraTracker);
    this.floatingIps = new FloatingIpsResource(t);
    this.sshKeys = new SshKeysResource(t);
    this.serverTypes = new ServerTypesResource(t, this.eraTracker);
    this.locations = new LocationsResource(t);
    this.datacenters = new DatacentersResource(t);
    this.images = new ImagesResource(t);
    this.isos = new IsosResource(t);
    this.pricing = new PricingResource(t);
    this.placementGroups = new PlacementGroupsResource(t);
    this.networks = new NetworksResource(t);
    this.serverNetworks = new ServerNetworksResource(t);
    this.volumes = new VolumesResource(t);
    const bad = ('eraOf' in options && options.eraOf?.badItems) || new BadItems(options.onBadItem);
    this.badItems = bad;
    this.volumes.badItems = bad;
    for (const r of [this.actions, this.servers, this.floatingIps, this.sshKeys, this.serverTypes, this.locations, this.datacenters, this.images, this.isos]) {
      r.badItems = bad;
    }
    this.primaryIps = new PrimaryIpsResource(t);
    this.primaryIps.badItems = bad;
    this.placementGroups.badItems = bad;
    this.networks.badItems = bad;
    this.loadBalancers = new LoadBalancersResource(t);
    this.loadBalancers.badItems = bad;
    this.loadBalancerTypes = new LoadBalancerTypesResource(t);
    this.loadBalancerTypes.badItems = bad;
    this.certificates = new CertificatesResource(t);
    this.certificates.badItems = bad;
    this.firewalls = new FirewallsResource(t);
    this.firewalls.badItems = bad;
  }

  /**
   * Which API answers, as the servers and server types this client has read so far show it
   * (see ./era.ts); `undefined` until one such answer came. Never probed.
   */
  get era(): ApiEra | undefined {
    return this.eraTracker.era;
  }

  /** Rate-limit headers of the latest answer, if any came. */
  get rateLimit(): RateLimitInfo | undefined {
    return this.transport.rateLimit;
  }

  /**
   * The project's request budget now (`remaining / limit` is the share left), once an answer
   * carried RateLimit headers; see BudgetState.
   */
  get budget(): BudgetState | undefined {
    return this.transport.budget;
  }

  /**
   * A client over `transport` (a decorator of this client's, e.g. one that tags each call with its
   * sender) that shares what this one learns: the API's era, and the items it could not read (each is
   * reported once, whichever client read it). Disposing it disposes only `transport`.
   */
  over(transport: ApiTransport): HcloudClient {
    return new HcloudClient({ transport, onBadItem: this.onBadItem, eraOf: this });
  }

  /** Closes the transport's idle keep-alive connections, where it has any (call when the client is dropped). */
  dispose(): void {
    (this.transport as { dispose?: () => void }).dispose?.();
  }

  /** Waits for actions of this client's project (see waitForActions). */
  waitForActions(actions: Action | Action[], options?: WaitOptions): Promise<Action[]> {
    return waitForActions(this, actions, options);
  }
}
