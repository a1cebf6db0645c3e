// Domain types of the Hetzner Cloud client: what the UI sees. camelCase, Dates for timestamps,
// string-literal unions for statuses, numbers for prices. Built from the wire types in ../schema
// by the converters in ../convert (the only place that knows both shapes). One file per resource
// family; import them all from here (`src/api/types`).

export * from './common';
export * from './action';
export * from './catalog';
export * from './server';
export * from './floatingIp';
export * from './sshKey';
export * from './primaryIp';
export * from './placementGroup';
export * from './network';
export * from './volume';
export * from './firewall';
