/**
 * Detail of `fd-provider-select`: which provider the patient wants to book, and where. No patient data. The event is
 * cancelable: `preventDefault()` means the host shows the provider's times itself; otherwise the card opens its own
 * slot picker for that provider.
 */
export interface FdProviderSelectDetail {
  providerId: string;
  /** The provider's name as the card shows it, for the host's own words ("Times with …"). */
  displayName: string;
  /** The location the card shows first (the list's location filter, else the provider's first); none for video-only. */
  locationId: string | undefined;
}
