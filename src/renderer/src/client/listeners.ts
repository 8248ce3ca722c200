type Listener = (payload: unknown) => void;

/** Event listeners by event name, shared by both client implementations. */
export class ListenerSet {
  private readonly byName = new Map<string, Set<Listener>>();

  add(name: string, listener: Listener): () => void {
    let set = this.byName.get(name);
    if (!set) {
      set = new Set();
      this.byName.set(name, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  deliver(name: string, payload: unknown): void {
    for (const listener of this.byName.get(name) ?? []) listener(payload);
  }
}
