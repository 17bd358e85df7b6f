/**
 * The validator of schema/faasguard-config.schema.json, generated at build time as standalone code
 * by scripts/build-config-validator.mjs (Ajv, `allErrors` and `verbose`): a scan that reads a
 * configuration pays neither for loading a validator nor for compiling the schema.
 */

/** An Ajv error object, as far as the messages need it. */
export interface SchemaError {
  /** JSON pointer to the offending value */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The schema object holding the keyword (with `verbose`) */
  parentSchema?: { properties?: Record<string, unknown> };
  /** The offending value (with `verbose`) */
  data?: unknown;
}

export declare const validate: {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
};
