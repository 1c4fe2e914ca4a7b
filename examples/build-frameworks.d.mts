/** The frameworks built, each served under `/<name>/`. */
export const FRAMEWORKS: readonly ['react', 'vue'];

/** Builds the React and Vue example apps (or the ones named) into examples/dist/<name>. */
export function buildFrameworkExamples(names?: readonly ('react' | 'vue')[]): Promise<void>;
