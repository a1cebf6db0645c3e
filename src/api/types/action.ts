// Domain types of actions: what the API reports about an operation it runs. The statuses are
// defined in src/shared/apiTypes.ts, which the action log webview shares.

import type { ActionStatus } from '../../shared/apiTypes';
import type { ListOptions, SortBy } from './common';

export { ActionStatuses, type ActionStatus } from '../../shared/apiTypes';

export interface ResourceRef {
  id: number;
  /** `server`, `floating_ip`, `image`, ... */
  type: string;
}

export interface ActionError {
  code: string;
  message: string;
}

export interface Action {
  id: number;
  /** e.g. `start_server`, `create_image`. */
  command: string;
  status: ActionStatus;
  /** 0..100 */
  progress: number;
  started: Date;
  finished?: Date;
  resources: ResourceRef[];
  error?: ActionError;
}

export type ActionSortField = 'id' | 'command' | 'status' | 'progress' | 'started' | 'finished';

export interface ActionListParams extends ListOptions {
  /** Only actions with one of these statuses. */
  status?: ActionStatus | ActionStatus[];
  sort?: SortBy<ActionSortField> | Array<SortBy<ActionSortField>>;
}

export interface ActionsListParams extends ActionListParams {
  /** Only these actions (`?id=1&id=2`; not in the spec, accepted by today's API). */
  id?: number | number[];
}
