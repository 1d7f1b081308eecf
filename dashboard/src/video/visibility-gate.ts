// Debounces a tile's "on screen" flag before it starts or stops a stream: scrolling past a
// tile, or a grid reflowing, should not open and close a camera's stream (each open makes the
// server start it at the gateway). A change takes effect once it has held for `delayMs`.

export interface VisibilityGate {
  set(visible: boolean): void;
  /** Drops a pending change (the tile is going away). */
  cancel(): void;
}

export function createVisibilityGate(delayMs: number, onChange: (visible: boolean) => void): VisibilityGate {
  let applied = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    set(visible) {
      cancel();
      if (visible === applied) return; // back where it was before the delay ran out: nothing to do
      timer = setTimeout(() => {
        timer = null;
        applied = visible;
        onChange(visible);
      }, delayMs);
    },
    cancel,
  };
}
