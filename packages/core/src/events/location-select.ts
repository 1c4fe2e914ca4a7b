/**
 * Detail of `fd-location-select`: the location whose times the patient wants (a source that lists locations, not
 * providers, such as a SMART Scheduling Links feed). Cancelable like `fd-provider-select`: `preventDefault()` means
 * the host shows the times itself; otherwise the list opens a slot picker for that location.
 */
export interface FdLocationSelectDetail {
  locationId: string;
  /** The location's name, for the host's own words. */
  name: string;
}
