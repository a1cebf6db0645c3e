import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HcloudExtensionApi } from '../../../src/extension';

export const EXTENSION_ID = 'hcloud-vscode.hetzner-cloud-vscode';

/** The extension's test hooks (present because VS Code runs it in test mode). */
export async function testingApi(): Promise<NonNullable<HcloudExtensionApi['testing']>> {
  const ext = vscode.extensions.getExtension<HcloudExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api.testing, 'the extension exposes no testing API (is VS Code running it in test mode?)');
  return api.testing;
}
