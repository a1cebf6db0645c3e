// How a volume reads in the tree: its row (size, location, server, Linux device) and its tooltip
// (the monthly price, gross with net, format, status, protection, labels). No vscode.

import type { Money, Volume } from '../api/types';
import { formatPriceDetail, volumeMonthly } from '../shared/price';
import { labelsLine, md, mdCode, noLookup, protectionText, type Lookup } from './format';

/** A volume's size: `10 GB`, `1.5 TB` from 1536 GB on (the API counts GB). */
export function volumeSizeText(gb: number): string {
  return gb >= 1024 ? `${Number((gb / 1024).toFixed(2))} TB` : `${gb} GB`;
}

function serverText(v: Volume, lookup: Lookup): string {
  return v.serverId === undefined ? 'not attached' : (lookup.serverName(v.serverId) ?? `server ${v.serverId}`);
}

/** `creating · 10 GB · fsn1 · web-1 · /dev/disk/by-id/scsi-0HC_Volume_100` */
export function volumeDescription(v: Volume, lookup: Lookup = noLookup): string {
  return [v.status !== 'available' ? v.status : undefined, volumeSizeText(v.size), v.location.name, serverText(v, lookup), v.linuxDevice].filter(Boolean).join(' · ');
}

/** Markdown source of a volume's tooltip; `perGb` is today's `pricing.volume` when the prices are known. */
export function volumeTooltip(v: Volume, lookup: Lookup = noLookup, perGb?: Money): string {
  const price = perGb ? formatPriceDetail(volumeMonthly(perGb, v.size)) : 'see the Prices folder';
  return [
    `**${md(v.name)}** — Volume`,
    '',
    `Size: ${volumeSizeText(v.size)}`,
    `Price: ${md(price)}`,
    `Location: ${md(v.location.name)}`,
    `Server: ${md(serverText(v, lookup))}`,
    `Linux device: ${mdCode(v.linuxDevice)}`,
    `Format: ${v.format ? md(v.format) : 'not formatted'}`,
    `Status: ${md(v.status)}`,
    `Protection: ${protectionText(v.protection)}`,
    labelsLine(v.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}
