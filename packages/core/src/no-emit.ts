import type { EmitEvent } from "./events";

/**
 * The emitter of a call nobody observes. The attempt layer compares against it to skip
 * building event payloads on the hot path when they would be thrown away.
 */
export const noEmit: EmitEvent = () => {};
