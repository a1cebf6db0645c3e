// Export Metrics as CSV: asks where to save the samples the metrics panel shows (the workspace
// folder or the home folder, `<server>-metrics-<end time>.csv`), writes them, and says so with an
// Open button.

import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Metrics } from '../../api/types';
import { toCsv } from '../../shared/metrics';
import { offerToOpen } from '../../ui/offerOpen';
import type { UserInput } from '../../ui/userInput';

export interface ShownMetrics {
  metrics: Metrics;
  /** The end of the shown window, UNIX seconds. */
  end: number;
}

export async function exportMetricsCsv(input: UserInput, log: vscode.LogOutputChannel, serverName: string, shown: ShownMetrics | undefined): Promise<void> {
  if (!shown) {
    input.info(`There are no metrics of "${serverName}" to export yet.`);
    return;
  }
  const stamp = new Date(shown.end * 1000).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const fileName = `${serverName.replace(/[^A-Za-z0-9._-]+/g, '_')}-metrics-${stamp}.csv`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const uri = await input.pickSaveLocation({
    title: `Export Metrics of "${serverName}" as CSV`,
    saveLabel: 'Export',
    defaultUri: vscode.Uri.joinPath(folder, fileName),
    filters: { 'CSV files': ['csv'] },
  });
  if (!uri) return;
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(toCsv(shown.metrics)));
    const where = uri.scheme === 'file' ? uri.fsPath : uri.toString();
    log.info(`Exported the metrics of "${serverName}" to ${where}.`);
    void offerToOpen(input, `Exported the metrics of "${serverName}" to ${path.basename(uri.path)}.`, uri);
  } catch (e) {
    input.error(`Export of the metrics of "${serverName}" failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
