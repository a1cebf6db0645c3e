// Public surface of the Hetzner Cloud client.

export { HcloudClient, type HcloudClientOptions } from './client';
export { ClientErrorCode, HcloudError, isHcloudError, type HcloudErrorField } from './errors';
export type { ApiTransport, CallOptions, HttpTransportOptions, PageInfo, RateLimitInfo, RequestLogEntry } from './transport';
export * from './types';
export { waitForActions, overallProgress, type ActionSource, type PollPolicy, type WaitOptions, type WaitProgress } from './waiter';
export { ActionsResource } from './resources/actions';
export { DatacentersResource, type DatacenterListResult } from './resources/datacenters';
export { FloatingIpsResource } from './resources/floatingIps';
export { PrimaryIpsResource } from './resources/primaryIps';
export { ImagesResource } from './resources/images';
export { IsosResource } from './resources/isos';
export { LocationsResource } from './resources/locations';
export { PricingResource } from './resources/pricing';
export { ServersResource } from './resources/servers';
export { ServerTypesResource } from './resources/serverTypes';
export { SshKeysResource } from './resources/sshKeys';
