// The rules editor's source on the project's client: `load` reads the firewall, `apply` sends one
// `set_rules` and waits for the actions it started (set_firewall_rules, and apply_firewall per server
// it is applied to) through the client's action waiter, shown in open action logs; then the tree
// refreshes the firewall. Errors are the client's HcloudErrors, for the panel to show.

import type { ActionFeed } from '../../projects/actionFeed';
import type { ClientPool } from '../../projects/clientPool';
import type { ProjectStore } from '../../projects/projectStore';
import type { ProjectsTreeProvider } from '../../tree/projectsTreeProvider';
import type { Action } from '../../api/types';
import type { FirewallRulesSource } from '../firewallRulesPanel';

export interface FirewallRulesEnv {
  projects: ProjectStore;
  clients: ClientPool;
  tree: ProjectsTreeProvider;
  feed: ActionFeed;
}

/** The source of firewall `firewallId` of project `projectId`; undefined when the project is gone. */
export function firewallRulesSource(env: FirewallRulesEnv, projectId: string, firewallId: number): FirewallRulesSource | undefined {
  const project = env.projects.get(projectId);
  if (!project) return undefined;
  const removed = () => env.clients.removedSignal(projectId);
  return {
    async load() {
      const client = await env.clients.get(project);
      const firewall = await client.firewalls.get(firewallId, { signal: removed() });
      return firewall && { name: firewall.name, rules: firewall.rules };
    },
    async apply(rules) {
      const client = await env.clients.get(project);
      const signal = removed();
      const started = await client.firewalls.setRules(firewallId, rules, { signal });
      env.feed.started(projectId, started);
      let last: Action[] = started;
      try {
        last = await client.waitForActions(started, {
          signal,
          onUpdate: (p) => {
            last = p.actions;
            env.feed.updated(projectId, p.actions);
          },
        });
      } finally {
        env.feed.released(
          projectId,
          started.map((a) => a.id),
          last,
        );
        env.tree.resourceChanged(projectId, 'firewall', firewallId);
      }
    },
  };
}
