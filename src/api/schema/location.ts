export interface LocationSchema {
  id: number;
  name: string;
  description: string;
  country: string;
  city: string;
  latitude: number;
  longitude: number;
}

export interface LocationListResponseSchema {
  locations: LocationSchema[];
}

export interface LocationResponseSchema {
  location: LocationSchema;
}
