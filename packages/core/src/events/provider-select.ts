/** Detail of `fd-provider-select`: which provider the patient wants to book, and where. No patient data. */
export interface FdProviderSelectDetail {
  providerId: string;
  /** The location the card shows first (the list's location filter, else the provider's first); none for video-only. */
  locationId: string | undefined;
}
