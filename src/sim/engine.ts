// The World: the state, its clock and the action engine.
//
// Timing model: nothing runs in the background. Every action has a start and an end time
// (start + actionMs); before each request the pipeline calls advance(), which moves the
// progress of running actions from the clock, applies the effects of the steps that are due
// (e.g. create_server turns `starting` half way) and finishes the actions whose end has passed
// (success, or error when FaultConfig.failActions names the command). A fake clock
// (options.now) therefore moves the whole simulated cloud.
//
// Locking: while an action runs, every resource in its `resources` is locked; starting
// another action on it (or deleting it) answers 423 `locked`. `server.locked` stays false: in
// the API it means an administrative lock, not a running action.

import type { ActionErrorSchema, ActionSchema, ResourceRefSchema } from '../api/schema';
import type { ApiEra } from '../api/types';
import type { FaultConfig } from './types';
import type { View } from './render';
import { applyEffects } from './effects';
import { locked } from './http';
import { ConsoleTickets } from './console/tickets';
import { StoredRandom } from './random';
import { nextId, type ActionRecord, type ActionStep, type Effect, type ResourceType, type SimState } from './state';
import { isoTime } from './time';

export interface WorldOptions {
  actionMs: number;
  maxServers: number;
  /** The API mode the simulator speaks (render.ts, the routes). */
  api: ApiEra;
  now: () => number;
}

export interface ActionSpec {
  command: string;
  resources: Array<{ type: ResourceType; id: number }>;
  /** Effects by fraction of the run (at 1 = on success). */
  steps?: ActionStep[];
  /** Effects when the action fails. */
  onError?: Effect[];
  /** Ends at once (e.g. detach_iso without an ISO): no lock, status final in the reply. */
  instant?: boolean;
}

const key = (type: string, id: number) => `${type}:${id}`;

export class World {
  readonly random: StoredRandom;
  /** Bumped on every change; the persistence layer saves when it moved. */
  changes = 0;
  /** The simulator's base URL (…/v1), for Link headers. */
  baseUrl = '';
  readonly consoles = new ConsoleTickets();
  failActions: NonNullable<FaultConfig['failActions']> = [];
  private readonly running = new Set<number>();
  private readonly locks = new Map<string, number>();
  private readonly byResource = new Map<string, number[]>();

  constructor(
    readonly state: SimState,
    readonly options: WorldOptions,
  ) {
    this.random = new StoredRandom(state.counters);
    for (const record of state.actions.values()) this.index(record);
  }

  now(): number {
    return this.options.now();
  }

  /** What the renderers need (render.ts): the mode, the state, the clock now. */
  view(): View {
    return { api: this.options.api, state: this.state, now: this.now() };
  }

  get api(): ApiEra {
    return this.options.api;
  }

  touch(): void {
    this.changes++;
  }

  /** Moves every running action to the clock's time (see the timing model above). */
  advance(): void {
    if (!this.running.size) return;
    const now = this.now();
    const records = [...this.running]
      .map((id) => this.state.actions.get(id) as ActionRecord)
      .sort((a, b) => a.endMs - b.endMs || a.action.id - b.action.id);
    for (const record of records) this.progress(record, now);
  }

  isLocked(type: ResourceType, id: number): boolean {
    return this.locks.has(key(type, id));
  }

  /** Throws 423 `locked` when an action runs on the resource. */
  assertUnlocked(type: ResourceType, id: number): void {
    if (this.isLocked(type, id)) throw locked(type.replace('_', ' '), id);
  }

  startAction(spec: ActionSpec): ActionSchema {
    const now = this.now();
    const failure = this.failureFor(spec.command);
    const action: ActionSchema = {
      id: nextId(this.state, 'action'),
      command: spec.command,
      status: 'running',
      progress: 0,
      started: isoTime(now),
      finished: null,
      resources: spec.resources.map((r): ResourceRefSchema => ({ id: r.id, type: r.type })),
      error: null,
    };
    const endMs = spec.instant ? now : now + this.options.actionMs;
    const record: ActionRecord = { action, startedMs: now, endMs, steps: spec.steps ?? [], onError: spec.onError ?? [], failure };
    this.state.actions.set(action.id, record);
    this.index(record);
    if (spec.instant) this.finish(record);
    this.touch();
    return action;
  }

  /** Action records that refer to a resource, oldest first. */
  actionsOf(type: ResourceType, id: number): ActionRecord[] {
    return (this.byResource.get(key(type, id)) ?? []).map((a) => this.state.actions.get(a) as ActionRecord);
  }

  private failureFor(command: string): ActionErrorSchema | null {
    const rule = this.failActions.find((f) => f.command === command);
    return rule ? { code: rule.code ?? 'action_failed', message: rule.message ?? 'Action failed' } : null;
  }

  private index(record: ActionRecord): void {
    for (const r of record.action.resources) {
      const k = key(r.type, r.id);
      const list = this.byResource.get(k);
      if (list) list.push(record.action.id);
      else this.byResource.set(k, [record.action.id]);
      if (record.action.status === 'running') this.locks.set(k, record.action.id);
    }
    if (record.action.status === 'running') this.running.add(record.action.id);
  }

  private progress(record: ActionRecord, now: number): void {
    const span = record.endMs - record.startedMs;
    const fraction = now >= record.endMs ? 1 : span > 0 ? (now - record.startedMs) / span : 0;
    while (record.steps.length && record.steps[0].at < 1 && record.steps[0].at <= fraction) {
      applyEffects(this.state, (record.steps.shift() as ActionStep).effects);
      this.touch();
    }
    if (fraction >= 1) this.finish(record);
    else record.action.progress = Math.max(record.action.progress, Math.min(99, Math.floor(fraction * 100)));
  }

  private finish(record: ActionRecord): void {
    const { action } = record;
    applyEffects(this.state, record.failure ? record.onError : record.steps.flatMap((s) => s.effects));
    action.status = record.failure ? 'error' : 'success';
    action.error = record.failure;
    action.progress = 100;
    action.finished = isoTime(record.endMs);
    record.steps = [];
    record.onError = [];
    this.running.delete(action.id);
    for (const r of action.resources) {
      if (this.locks.get(key(r.type, r.id)) === action.id) this.locks.delete(key(r.type, r.id));
    }
    this.touch();
  }
}
