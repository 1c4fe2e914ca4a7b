import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { FrontdeskError } from '@frontdesk/core';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { clinicFromFhirBundle } from './fhir-bundle.js';
import { type ClinicFile, parseClinicFile } from './file.js';

/** Largest clinic file read: far above any real clinic, far below what would exhaust memory. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Reads a clinic file: JSON or YAML (by extension, else by trying JSON first), in Frontdesk's clinic format or as a
 * FHIR Bundle. Throws `invalid-input` naming the line (for syntax) or the path inside the file (for content).
 */
export async function readClinicFile(path: string): Promise<ClinicFile> {
  const text = await readFile(path, 'utf8');
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    throw new FrontdeskError('invalid-input', `the file is larger than ${MAX_FILE_BYTES} bytes`);
  }
  return parseClinicText(text, extname(path).toLowerCase());
}

export function parseClinicText(text: string, extension = ''): ClinicFile {
  let value: unknown;
  const yaml = extension === '.yaml' || extension === '.yml';
  try {
    value = yaml ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      throw new FrontdeskError(
        'invalid-input',
        `not valid YAML${at ? ` at line ${at.line}, column ${at.col}` : ''}: ${error.code}`,
      );
    }
    if (!yaml && extension !== '.json') {
      // No telling extension: YAML is a superset of JSON, so try it before giving up.
      return parseClinicText(text, '.yaml');
    }
    throw new FrontdeskError('invalid-input', `not valid JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  const resourceType = (value as { resourceType?: unknown } | null)?.resourceType;
  return parseClinicFile(resourceType === 'Bundle' ? clinicFromFhirBundle(value) : value);
}
