import type { ArchitectureSchema, DeleteProtectionSchema, LabelsSchema } from './common';

export type ImageTypeSchema = 'system' | 'snapshot' | 'backup' | 'app';
export type ImageStatusSchema = 'available' | 'creating';

export interface ImageCreatorSchema {
  id: number;
  name: string;
}

export interface ImageSchema {
  id: number;
  type: ImageTypeSchema;
  status: ImageStatusSchema;
  /** Only set for system images. */
  name: string | null;
  description: string;
  /** GB; null while unknown. */
  image_size: number | null;
  /** GB */
  disk_size: number;
  created: string;
  created_from: ImageCreatorSchema | null;
  bound_to: number | null;
  os_flavor: 'ubuntu' | 'centos' | 'debian' | 'fedora' | 'unknown' | string;
  os_version: string | null;
  rapid_deploy: boolean;
  protection: DeleteProtectionSchema;
  deprecated: string | null;
  // Today's API (absent in the 2018 contract):
  architecture?: ArchitectureSchema;
  labels?: LabelsSchema;
}

export interface ImageListResponseSchema {
  images: ImageSchema[];
}

export interface ImageResponseSchema {
  image: ImageSchema;
}

export interface ImageUpdateRequestSchema {
  description?: string;
  type?: 'snapshot';
  /** Today's API: replaces all labels. */
  labels?: LabelsSchema;
}
