export interface SshKeySchema {
  id: number;
  name: string;
  fingerprint: string;
  public_key: string;
}

export interface SshKeyListResponseSchema {
  ssh_keys: SshKeySchema[];
}

export interface SshKeyResponseSchema {
  ssh_key: SshKeySchema;
}

export interface SshKeyCreateRequestSchema {
  name: string;
  public_key: string;
}

export interface SshKeyUpdateRequestSchema {
  name?: string;
}
