// Plain words for the action log: the API's action commands (every command of the spec) and
// resource types, and dates (durations: duration.ts). Pure (no vscode, no DOM): the webview and the tests use it.

const COMMANDS: Record<string, string> = {
  // Servers
  create_server: 'Create server',
  delete_server: 'Delete server',
  start_server: 'Power on',
  stop_server: 'Power off',
  shutdown_server: 'Shut down',
  reboot_server: 'Reboot',
  reset_server: 'Reset',
  reset_password: 'Reset root password',
  enable_rescue: 'Enable rescue system',
  disable_rescue: 'Disable rescue system',
  create_image: 'Create image',
  rebuild_server: 'Rebuild server',
  change_server_type: 'Change server type',
  enable_backup: 'Enable backups',
  disable_backup: 'Disable backups',
  attach_iso: 'Attach ISO',
  detach_iso: 'Detach ISO',
  change_dns_ptr: 'Change reverse DNS',
  change_protection: 'Change protection',
  request_console: 'Request console',
  attach_to_network: 'Attach to network',
  detach_from_network: 'Detach from network',
  change_alias_ips: 'Change alias IPs',
  add_to_placement_group: 'Add to placement group',
  remove_from_placement_group: 'Remove from placement group',
  // Floating IPs and Primary IPs
  create_floating_ip: 'Create Floating IP',
  delete_floating_ip: 'Delete Floating IP',
  assign_floating_ip: 'Assign Floating IP',
  unassign_floating_ip: 'Unassign Floating IP',
  create_primary_ip: 'Create Primary IP',
  delete_primary_ip: 'Delete Primary IP',
  assign_primary_ip: 'Assign Primary IP',
  unassign_primary_ip: 'Unassign Primary IP',
  // Images
  delete_image: 'Delete image',
  convert_image: 'Convert image',
  // Volumes
  create_volume: 'Create volume',
  delete_volume: 'Delete volume',
  attach_volume: 'Attach volume',
  detach_volume: 'Detach volume',
  resize_volume: 'Resize volume',
  // Networks
  create_network: 'Create network',
  delete_network: 'Delete network',
  add_subnet: 'Add subnet',
  delete_subnet: 'Delete subnet',
  add_route: 'Add route',
  delete_route: 'Delete route',
  change_ip_range: 'Change IP range',
  // Load balancers
  create_load_balancer: 'Create load balancer',
  delete_load_balancer: 'Delete load balancer',
  add_service: 'Add service',
  update_service: 'Update service',
  delete_service: 'Delete service',
  add_target: 'Add target',
  remove_target: 'Remove target',
  change_algorithm: 'Change algorithm',
  change_type: 'Change type',
  enable_public_interface: 'Enable public interface',
  disable_public_interface: 'Disable public interface',
  // Load Balancers: the commands their actions carry (change_type starts change_load_balancer_type)
  change_load_balancer_type: 'Change Load Balancer type',
  // Certificates and firewalls
  create_certificate: 'Create certificate',
  issue_certificate: 'Issue certificate',
  retry_certificate: 'Retry certificate',
  set_firewall_rules: 'Set firewall rules',
  apply_firewall: 'Apply firewall',
  remove_firewall: 'Remove firewall',
};

/** The command in plain words: `start_server` → `Power on`; an unknown one made readable. */
export function commandWords(command: string): string {
  const known = COMMANDS[command];
  if (known) return known;
  const words = command.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unnamed action';
}

/** Every command this file words (for tests). */
export const KNOWN_COMMANDS: readonly string[] = Object.keys(COMMANDS);

const RESOURCE_TYPES: Record<string, string> = {
  server: 'Server',
  floating_ip: 'Floating IP',
  image: 'Image',
  volume: 'Volume',
  network: 'Network',
  load_balancer: 'Load balancer',
  primary_ip: 'Primary IP',
  certificate: 'Certificate',
  firewall: 'Firewall',
  placement_group: 'Placement group',
};

/** `floating_ip` → `Floating IP`. */
export function resourceTypeWords(type: string): string {
  return RESOURCE_TYPES[type] ?? commandWords(type);
}

export const STATUS_WORDS = { running: 'Running', success: 'Succeeded', error: 'Failed' } as const;

/** Local date and time, `2026-11-27 00:41:03` (the tooltip carries the ISO time). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
