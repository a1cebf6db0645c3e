import type { ArchitectureSchema, DeprecationSchema } from './common';

export interface IsoSchema {
  id: number;
  /** Only set for public ISOs. */
  name: string | null;
  description: string;
  type: 'public' | 'private';
  /** 2018 contract; today's API sends `deprecation` instead. */
  deprecated?: string | null;
  // Today's API: null architecture means the ISO boots on any.
  architecture?: ArchitectureSchema | null;
  deprecation?: DeprecationSchema | null;
}

export interface IsoListResponseSchema {
  isos: IsoSchema[];
}

export interface IsoResponseSchema {
  iso: IsoSchema;
}
