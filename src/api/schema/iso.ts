export interface IsoSchema {
  id: number;
  /** Only set for public ISOs. */
  name: string | null;
  description: string;
  type: 'public' | 'private';
  deprecated: string | null;
}

export interface IsoListResponseSchema {
  isos: IsoSchema[];
}

export interface IsoResponseSchema {
  iso: IsoSchema;
}
