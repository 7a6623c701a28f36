// jsdom lacks what Mantine measures with; give it inert versions.
const noop = (): void => undefined;

if (typeof window !== 'undefined') {
  // jsdom may list matchMedia without implementing it: check that it can be called.
  if (typeof window.matchMedia !== 'function') {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: noop,
        removeListener: noop,
        addEventListener: noop,
        removeEventListener: noop,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    Object.defineProperty(window, 'ResizeObserver', {
      value: class {
        observe = noop;
        unobserve = noop;
        disconnect = noop;
      },
    });
  }
}
