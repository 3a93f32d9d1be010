/** A listener for one event of a typed event map. */
export type Listener<T> = (payload: T) => void;

/**
 * A minimal typed event emitter. Modules talk through these events, never through each
 * other's internals (see DESIGN.md). A throwing listener is reported on the console and
 * never stops the emitter's other listeners or the caller.
 */
export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  /** Subscribe; returns a function that unsubscribes. */
  on<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener as Listener<never>);
    return () => this.off(type, listener);
  }

  /** Subscribe for one emission only. */
  once<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
    const off = this.on(type, (payload) => {
      off();
      listener(payload);
    });
    return off;
  }

  off<K extends keyof Events>(type: K, listener: Listener<Events[K]>): void {
    this.listeners.get(type)?.delete(listener as Listener<never>);
  }

  emit<K extends keyof Events>(type: K, payload: Events[K]): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) {
      try {
        (listener as Listener<Events[K]>)(payload);
      } catch (error) {
        console.error(`[digimens] a "${String(type)}" listener threw`, error);
      }
    }
  }

  /** Drop every listener (part of `dispose()`). */
  clear(): void {
    this.listeners.clear();
  }
}
