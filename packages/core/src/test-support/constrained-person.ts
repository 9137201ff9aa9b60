import { z } from "zod";

/**
 * A zod schema with the constraints ordinary apps write (lengths, bounds, int, positive, regex,
 * array lengths, optional, nullable, enum, literal, format, nested object): the input of every
 * provider's schema-transform test.
 */
export const constrainedPerson = z.object({
  name: z.string().min(1).max(40).describe("Full name"),
  age: z.number().int().positive(),
  score: z.number().min(0).max(100),
  code: z.string().regex(/^[A-Z]{3}$/),
  tags: z.array(z.string()).min(1).max(5),
  nickname: z.string().optional(),
  spouse: z.string().nullable(),
  role: z.enum(["admin", "user"]),
  email: z.email(),
  kind: z.literal("person"),
  home: z.object({ city: z.string() }).optional(),
});

/** A map with free-form keys, which vendors that close every object cannot express. */
export const withRecord = z.object({ scores: z.record(z.string(), z.number()) });
