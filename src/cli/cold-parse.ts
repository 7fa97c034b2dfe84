/**
 * A CLI call reads its budget once, cold: zod compiling each object schema into a function on its
 * first parse cost the seed's check ≈10 ms and saved nothing measurable on 7,300 line items.
 * Called before the command's modules (and so the schemas) load: zod reads it when a schema is made.
 */
import { config } from 'zod';

export const parseCold = () => config({ jitless: true });
