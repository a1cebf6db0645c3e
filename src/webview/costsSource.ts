// Where a costs panel's figures come from: the project's total in the tree (src/tree/projectCosts.ts),
// computed when older than 10 minutes; Refresh computes it again. Used by Show Costs and by a panel
// restored after a window reload.

import type { Project, ProjectStore } from '../projects/projectStore';
import type { ProjectsTreeProvider } from '../tree/projectsTreeProvider';
import { describeError } from '../ui/describeError';
import type { UserInput } from '../ui/userInput';
import type { CostsSource } from './costsPanel';

export interface CostsSourceEnv {
  tree: ProjectsTreeProvider;
  input(): UserInput;
}

/** The source of a project's figures; undefined when the tree has no such project. */
export async function costsSource(env: CostsSourceEnv, project: Project): Promise<CostsSource | undefined> {
  if (!env.tree.projectNode(project.id)) await env.tree.getChildren(); // the tree was never shown: make its project nodes
  const projectNode = env.tree.projectNode(project.id);
  if (!projectNode) return undefined;
  return {
    projectId: project.id,
    projectName: project.name,
    load: async (refresh) => {
      if (refresh) projectNode.costs.forget();
      try {
        await projectNode.costs.ensure();
      } catch (e) {
        env.input().error(describeError(e, { action: `Show Costs of "${project.name}"` }));
        return undefined;
      }
      env.tree.changed(projectNode); // the row shows the same total
      return projectNode.costs.current();
    },
  };
}

/** The same, by the project's id (a restored panel knows only that). */
export async function costsSourceById(env: CostsSourceEnv & { projects: Pick<ProjectStore, 'get'> }, projectId: string): Promise<CostsSource | undefined> {
  const project = env.projects.get(projectId);
  return project ? costsSource(env, project) : undefined;
}
