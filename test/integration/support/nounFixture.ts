// Shared set-up of the Floating IP, image and SSH key command suites: a fresh simulator (demo
// seed, short actions) and one stored project pointing at it per test, scripted prompts, a client
// to read domain objects for duck-typed tree nodes, and helpers to read what the API received.
// `setUp('2018')` points the project at a simulator of the 2018 contract instead.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HcloudClient } from '../../../src/api/client';
import type { ApiEra } from '../../../src/api/types';
import type { Project } from '../../../src/projects/projectStore';
import { startSimulator } from '../../../src/sim/simulator';
import type { RecordedRequest, Simulator, SimulatorOptions } from '../../../src/sim/types';
import type { ResourceKind, ResourceNode } from '../../../src/tree/resourceNode';
import { testingApi } from './extensionApi';
import { ScriptedInput, type Answer } from './scriptedInput';

type Api = Awaited<ReturnType<typeof testingApi>>;

/** ScriptedInput that also keeps the detail text of each confirmation and the prefilled value of each input box. */
export class DetailedInput extends ScriptedInput {
  readonly details: string[] = [];
  readonly values: Array<string | undefined> = [];

  override async inputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.values.push(options.value);
    return super.inputBox(options);
  }

  override async confirm(message: string, options: { detail?: string; confirmLabel: string }): Promise<boolean> {
    this.details.push(options.detail ?? '');
    return super.confirm(message, options);
  }
}

export const TOKEN = 'noun-commands-token-7d21';

/** A fixture set up before and torn down after each test of the describe block that calls it. */
export function useNounFixture(api: ApiEra = '2026', simOptions: SimulatorOptions = {}): NounFixture {
  const f = new NounFixture();
  beforeEach(() => f.setUp(api, simOptions));
  afterEach(() => f.tearDown());
  return f;
}

export class NounFixture {
  sim!: Simulator;
  api!: Api;
  project!: Project;
  client!: HcloudClient;
  input!: DetailedInput;

  /** `simOptions`: more options of the simulator (e.g. a read-only token). */
  async setUp(api: ApiEra = '2026', simOptions: SimulatorOptions = {}): Promise<void> {
    this.api = await testingApi();
    for (const p of this.api.projects.list()) if (p.source === 'stored') await this.api.projects.remove(p.id);
    delete process.env.HCLOUD_TOKEN;
    this.sim = await startSimulator({ token: TOKEN, actionMs: 100, api, ...simOptions });
    this.project = await this.api.projects.add('nouns', this.sim.url, TOKEN);
    this.client = new HcloudClient({ token: TOKEN, endpoint: this.sim.url });
    this.sim.clearRequests();
  }

  async tearDown(): Promise<void> {
    this.api?.setUserInput(undefined);
    if (this.project) await this.api.projects.remove(this.project.id);
    await this.sim?.close();
  }

  script(...answers: Answer[]): DetailedInput {
    this.input = new DetailedInput(answers);
    this.api.setUserInput(this.input);
    return this.input;
  }

  /** A plain object the commands take for a tree node (isResourceNode), without the tree. */
  node<T>(kind: ResourceKind, resource: T): ResourceNode<T> {
    return { kind, project: this.project, resource, id: `project/${this.project.id}/${kind}/test`, parent: undefined, invalidate: () => undefined, getTreeItem: () => ({}), getChildren: async () => [] };
  }

  /** Every request that changes something (all but GET), as method, path and body. */
  changes(): Array<Pick<RecordedRequest, 'method' | 'path' | 'body'>> {
    return this.sim.requests.filter((r) => r.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));
  }

  messages(level: 'info' | 'warn' | 'error'): string[] {
    return this.input.messages.filter((m) => m.level === level).map((m) => m.text);
  }

  /**
   * Against a 2018 project (`setUp('2018')`): each command, run from the palette with nothing to
   * answer, says only that the API has no `family` and sends no request `ofFamily` accepts.
   */
  async assertNoFamily(commands: string[], family: string, ofFamily: (path: string) => boolean): Promise<void> {
    const said = `The API of project "${this.project.name}" answers as the 2018 API, which has no ${family}.`;
    for (const id of commands) {
      this.script();
      this.sim.clearRequests();
      await vscode.commands.executeCommand(id);
      assert.deepEqual(this.input.messages, [{ level: 'info', text: said }], id);
      assert.deepEqual(this.sim.requests.filter((r) => ofFamily(r.path)).map((r) => `${r.method} ${r.path}`), [], `${id} asked nothing about ${family}`);
    }
  }
}
