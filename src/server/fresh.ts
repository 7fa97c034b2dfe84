/**
 * What a server process may answer from memory for a short while. Every state-changing request
 * (POST, PUT, PATCH, DELETE) handled by this process bumps the generation before its response is
 * sent, which empties every `ShortLived` map at once: an edit, a publish, a logout or a disabled
 * user is seen by the very next request. A change made by another process sharing the database is
 * seen within `ttlMs`.
 */
export class Generation {
  value = 0;
  bump() {
    this.value++;
  }
}

export const SHORT_TTL_MS = 1000;

export class ShortLived<V> {
  private readonly entries = new Map<string, { value: V; gen: number; until: number }>();
  constructor(
    private readonly generation: Generation,
    private readonly ttlMs = SHORT_TTL_MS,
    private readonly max = 10_000,
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.gen === this.generation.value && e.until > Date.now()) return e.value;
    this.entries.delete(key);
    return undefined;
  }

  /**
   * Stores a value read from the database while the generation was `readAt`; a value read
   * before a change that has since completed is not stored.
   */
  set(key: string, value: V, readAt: number) {
    if (readAt !== this.generation.value) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, gen: readAt, until: Date.now() + this.ttlMs });
  }
}
