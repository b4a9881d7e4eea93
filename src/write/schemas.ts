/** JSON Schemas for editors (yaml-language-server), generated from the zod schemas. */
import { z } from 'zod';
import { KIND_SCHEMAS, KINDS, type Kind } from '../validate/schemas.js';
import type { Inputs } from './guard.js';
import { MARKER_TEXT } from './marker.js';
import { writeGenerated, type WriteReport } from './output.js';

export function jsonSchemaFor(kind: Kind): string {
  // io: 'input' so fields with a default are optional for the person typing the YAML.
  const schema = z.toJSONSchema(KIND_SCHEMAS[kind], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  // $comment right after $schema: tocdin's marker (src/write/marker.ts), so a later run may replace the file.
  const withId = { $schema, $comment: MARKER_TEXT, $id: `https://tocdin.invalid/schemas/${kind}.schema.json`, title: `tocdin: ${kind}`, ...rest };
  return JSON.stringify(withId, null, 2) + '\n';
}

export function allJsonSchemas(): { file: string; content: string }[] {
  return KINDS.map((k) => ({ file: `${k}.schema.json`, content: jsonSchemaFor(k) }));
}

const SCHEMA_FILES = /^.+\.schema\.json$/;

/** `tocdin schema --out DIR`: all schemas into one folder under the output rules of guard.ts. */
export function writeSchemas(dir: string, opts: { inputs?: Inputs; check?: boolean } = {}): Promise<WriteReport> {
  return writeGenerated(dir, allJsonSchemas().map((s) => ({ name: s.file, content: s.content })), { stale: SCHEMA_FILES, ...opts });
}
