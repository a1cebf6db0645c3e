// Wire (../schema, snake_case JSON) -> domain (../types). One converter per type, and the only place
// that knows both shapes; one file per resource family, imported from here (`src/api/convert`).

export { convertArchitecture, convertDeprecation, convertLabels, convertMoney, parseDate, parseDecimal, WireShapeError } from './wire';
export { convertAction } from './action';
export {
  convertDatacenter,
  convertImage,
  convertIso,
  convertLocation,
  convertPricing,
  convertServerType,
  convertServerTypeLocation,
  convertServerTypePrice,
  SERVER_TYPE_CURRENCY,
} from './catalog';
export { convertMetrics, convertServer } from './server';
export { convertFloatingIp } from './floatingIp';
export { convertSshKey } from './sshKey';
export { convertPrimaryIp } from './primaryIp';
export { convertPlacementGroup } from './placementGroup';
export { convertNetwork, convertPrivateNets, convertRoute, convertSubnet } from './network';
export { convertVolume } from './volume';
export { convertFirewall, convertFirewallRule, convertServerFirewalls, firewallResourceToWire, firewallRuleToWire } from './firewall';
