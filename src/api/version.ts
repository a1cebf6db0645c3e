/** Name and version of the extension, for the User-Agent header. The build replaces the env lookup with the literal version. */
export const EXTENSION_NAME = 'hetzner-cloud-vscode';
export const EXTENSION_VERSION: string = process.env.HCLOUD_EXT_VERSION ?? '0.0.0-dev';
export const DEFAULT_USER_AGENT = `${EXTENSION_NAME}/${EXTENSION_VERSION}`;
