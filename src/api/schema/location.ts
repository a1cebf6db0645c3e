export interface LocationSchema {
  id: number;
  name: string;
  description: string;
  country: string;
  city: string;
  latitude: number;
  longitude: number;
  /** Today's API, e.g. `eu-central`. */
  network_zone?: string;
}

export interface LocationListResponseSchema {
  locations: LocationSchema[];
}

export interface LocationResponseSchema {
  location: LocationSchema;
}
