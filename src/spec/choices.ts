import { z } from "zod";
import { paramTypeSchema, specSchema } from "./schema.js";

/**
 * The string values a schema accepts when it is a literal, an enum or a union of them (through defaults
 * and optionals); other members of a union (objects, free strings) are skipped. Prompts offer these as
 * choices, so a value added to the schema shows up in the prompts with no list to keep in step.
 */
export function literalValues(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional) return literalValues(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodLiteral) return [...schema.values].filter((v): v is string => typeof v === "string");
  if (schema instanceof z.ZodEnum) return schema.options.filter((v): v is string => typeof v === "string");
  if (schema instanceof z.ZodUnion) return schema.options.flatMap((option) => literalValues(option as z.ZodType));
  return [];
}

/** What the prompts offer and pre-select, read from the spec schema. */
export interface SpecChoices {
  kinds: string[];
  defaultKind: string;
  transports: string[];
  defaultTransport: string;
  /** The longest transport name, to align the descriptions. */
  transportWidth: number;
  /** The named param types; an enum type is asked for separately, as a list of values. */
  scalarParamTypes: string[];
  defaultStreaming: boolean;
}

export function specChoices(): SpecChoices {
  const { kind, transport, streaming } = specSchema.shape;
  const transports = literalValues(transport);
  return {
    kinds: literalValues(kind),
    defaultKind: kind.parse(undefined),
    transports,
    defaultTransport: transport.parse(undefined),
    transportWidth: Math.max(...transports.map((t) => t.length)),
    scalarParamTypes: literalValues(paramTypeSchema),
    defaultStreaming: streaming.parse(undefined),
  };
}
