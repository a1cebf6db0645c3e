// Wire types shared by several resources, exactly as the JSON of the Hetzner Cloud API
// (the 2018 API reference). snake_case on purpose: converted in src/api/convert.

export interface PaginationSchema {
  page: number;
  per_page: number;
  previous_page: number | null;
  next_page: number | null;
  last_page: number | null;
  total_entries: number | null;
}

export interface MetaSchema {
  pagination: PaginationSchema;
}

export interface ErrorFieldSchema {
  name: string;
  messages?: string[];
}

export interface ErrorSchema {
  code: string;
  message: string;
  details?: { fields?: ErrorFieldSchema[] } & Record<string, unknown>;
}

/** Body of every error answer: `{ "error": { code, message, details } }`. */
export interface ErrorResponseSchema {
  error: ErrorSchema;
}

export type ActionStatusSchema = 'running' | 'success' | 'error';

export interface ResourceRefSchema {
  id: number;
  type: string;
}

export interface ActionErrorSchema {
  code: string;
  message: string;
}

export interface ActionSchema {
  id: number;
  command: string;
  status: ActionStatusSchema;
  progress: number;
  started: string;
  finished: string | null;
  resources: ResourceRefSchema[];
  error: ActionErrorSchema | null;
}

export interface ActionResponseSchema {
  action: ActionSchema;
}

export interface ActionListResponseSchema {
  actions: ActionSchema[];
  meta?: MetaSchema;
}

export interface NetGrossPriceSchema {
  net: string;
  gross: string;
}

/** `labels` of today's API: key -> value (the value may be empty). Absent in the 2018 contract. */
export type LabelsSchema = Record<string, string>;

/** `deprecation` of today's API (ISOs, server types, a server type in a location). */
export interface DeprecationSchema {
  announced: string;
  unavailable_after: string;
}

/** x86 or arm: server types, images and ISOs carry it in today's API. */
export type ArchitectureSchema = 'x86' | 'arm';

export interface DeleteProtectionSchema {
  delete: boolean;
}

export interface ChangeProtectionRequestSchema {
  delete?: boolean;
  rebuild?: boolean;
}

export interface ChangeDnsPtrRequestSchema {
  ip: string;
  dns_ptr: string | null;
}
