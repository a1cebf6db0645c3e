// Every route of /v1, from the route table of each resource.

import type { Route } from '../router';
import { actionRoutes } from './actions';
import { catalogRouteTable } from './catalog';
import { floatingIpRoutes } from './floatingIps';
import { imageRoutes } from './images';
import { placementGroupRoutes } from './placementGroups';
import { serverActionRoutes } from './serverActions';
import { serverPlacementActionRoutes } from './serverPlacementActions';
import { serverRoutes } from './servers';
import { sshKeyRoutes } from './sshKeys';
import { primaryIpRoutes } from './primaryIps';
import { networkRoutes } from './networks';
import { serverNetworkActionRoutes } from './serverNetworkActions';
import { volumeRoutes } from './volumes';
import { firewallRoutes } from './firewalls';

export const ROUTES: Route[] = [
  ...actionRoutes,
  ...serverRoutes,
  ...serverActionRoutes,
  ...floatingIpRoutes,
  ...sshKeyRoutes,
  ...imageRoutes,
  ...catalogRouteTable,
  ...primaryIpRoutes,
  ...placementGroupRoutes,
  ...serverPlacementActionRoutes,
  ...networkRoutes,
  ...serverNetworkActionRoutes,
  ...volumeRoutes,
  ...firewallRoutes,
];
