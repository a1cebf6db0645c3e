// The children of the folders whose presenters load late (see prepareEntries in ./folderChildren.ts):
// Certificates, Load Balancers, Load Balancer Types and Firewalls. Reached only with import().

import { certificatePresenter } from './certificatePresenter';
import { firewallPresenter } from './firewallPresenter';
import type { ItemsOf, LateEntries } from './folderChildren';
import { loadBalancerPresenter, loadBalancerTypePresenter } from './loadBalancerPresenter';

export function lateEntries(items: ItemsOf): LateEntries {
  return {
    certificates: items(certificatePresenter),
    loadBalancers: (folder, list, scope) => items(loadBalancerPresenter(scope))(folder, list, scope),
    loadBalancerTypes: items(loadBalancerTypePresenter),
    firewalls: (folder, list, scope) => items(firewallPresenter(scope))(folder, list, scope),
  };
}
