import type { SurveyChange } from './types.js';

/** Who listens to a survey model (the engine's and the small one alike), and how a change reaches each of them. */
export class SurveyListeners {
  readonly #listeners = new Set<(change: SurveyChange) => void>();

  subscribe(listener: (change: SurveyChange) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(change: SurveyChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One broken listener must not stop the others or the model; surface it asynchronously.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
