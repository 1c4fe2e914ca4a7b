import { toFrontdeskError } from './errors.js';

/**
 * A module fetched on first use, once per page (the booking steps, the estimator, the survey engine). A failed
 * download (a dropped connection, a deploy that replaced the chunk) is forgotten, so the next use tries again.
 */
export class LazyModule<M> {
  private readonly importer: () => Promise<M>;
  private loading: Promise<M> | undefined;
  /** The module, once loaded: handlers that run after it came can use it synchronously. */
  value: M | undefined;

  constructor(importer: () => Promise<M>) {
    this.importer = importer;
  }

  load(): Promise<M> {
    this.loading ??= this.importer().then(
      (module) => {
        this.value = module;
        return module;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw toFrontdeskError(error);
      },
    );
    return this.loading;
  }
}
