/**
 * The few page globals that functions passed to evaluate() use. They run in the browser; this project compiles
 * for Node without the DOM library (adding it would change global types for the server code too).
 */
// Inside such a function, use `(globalThis as unknown as PageGlobals)`: it is serialised into the page, so it
// cannot refer to anything imported here.
export interface PageGlobals {
  document: {
    activeElement: unknown;
    getElementById(id: string): { textContent: string | null } | null;
    getAnimations(): PageAnimation[];
    scrollingElement: { scrollWidth: number } | null;
    title: string;
  };
  innerWidth: number;
  localStorage: WebStorage;
  sessionStorage: WebStorage;
  requestAnimationFrame(callback: () => void): number;
}

interface PageAnimation {
  readonly finished: Promise<unknown>;
  readonly effect: { getComputedTiming(): { endTime?: number | string } } | null;
}

interface WebStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}
