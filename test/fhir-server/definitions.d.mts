export const RESOURCE_TYPES: string[];
export function loadDefinitions(): void;
