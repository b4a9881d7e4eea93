/** JSON Schemas for editors (yaml-language-server), generated from the zod schemas. */
import { z } from 'zod';
import { KIND_SCHEMAS, KINDS, type Kind } from '../validate/schemas.js';

export function jsonSchemaFor(kind: Kind): string {
  // io: 'input' so fields with a default are optional for the person typing the YAML.
  const schema = z.toJSONSchema(KIND_SCHEMAS[kind], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  const withId = { $schema, $id: `https://tocdin.invalid/schemas/${kind}.schema.json`, title: `tocdin: ${kind}`, ...rest };
  return JSON.stringify(withId, null, 2) + '\n';
}

export function allJsonSchemas(): { file: string; content: string }[] {
  return KINDS.map((k) => ({ file: `${k}.schema.json`, content: jsonSchemaFor(k) }));
}
