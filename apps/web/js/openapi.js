import { api } from './api.js';

let documentPromise = null;

/** The JSON Schema of a request body, from the API's own OpenAPI document (generated from the zod schemas). */
export async function bodySchema(path, method = 'post') {
  documentPromise ??= api('/api/openapi.json');
  const doc = await documentPromise;
  const schema = doc.paths?.[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`Нет схемы для ${method.toUpperCase()} ${path}`);
  return schema;
}
