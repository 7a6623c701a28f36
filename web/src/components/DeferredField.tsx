import { TextInput } from '@mantine/core';
import {
  lazy,
  startTransition,
  Suspense,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';

/** A widget's code, loaded on demand: the component, and a way to start the download early. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bound React's own lazy() puts on a component
type AnyComponent = ComponentType<any>;

export interface DeferredWidget<C extends AnyComponent> {
  Widget: LazyExoticComponent<C>;
  preload: () => void;
}

export function deferredWidget<C extends AnyComponent>(load: () => Promise<{ default: C }>): DeferredWidget<C> {
  return { Widget: lazy(load), preload: () => void load() };
}

// Widgets are drawn one at a time, each when the browser is idle: together they would be one long task that
// keeps the page from answering a tap; apart, each is short.
const waiting: (() => void)[] = [];
let drawing = false;

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 300 }) : setTimeout(run, 1);

function nextTurn() {
  const start = waiting.shift();
  drawing = start !== undefined;
  if (start) whenIdle(start);
}

function takeTurn(start: () => void): () => void {
  waiting.push(start);
  if (!drawing) nextTurn();
  return () => {
    const at = waiting.indexOf(start);
    if (at >= 0) waiting.splice(at, 1);
  };
}

/** Tells the queue the widget is on screen, so the next one may be drawn. */
function Drawn({ onDrawn }: { onDrawn: () => void }) {
  useEffect(onDrawn, [onDrawn]);
  return null;
}

interface Props {
  /** The page's own content is on screen: the widget may load now. */
  load: boolean;
  /** Starts the download of the widget's code (DeferredWidget.preload). */
  preload: () => void;
  label: string;
  /** What the field holds, in words, while its widget loads. */
  text: string;
  description?: string;
  /** The widget (a DeferredWidget's Widget); `autoFocus` when the person was already in the field. */
  children: (autoFocus: boolean) => ReactNode;
}

/**
 * A filter field whose widget (a date picker, a combobox: the biggest code on a page) is drawn after the page's
 * content rather than before it. Until then a read-only box with the same label, value and size holds its place,
 * so nothing moves when the widget arrives; focusing the box draws the widget at once and hands it the focus.
 */
export function DeferredField({ load, preload, label, text, description, children }: Props) {
  const [shown, setShown] = useState<'stand' | 'queued' | 'widget'>('stand');
  const [focused, setFocused] = useState(false);
  // This field's turn in the queue is open until its widget is drawn (or it leaves the page).
  const holdsTurn = useRef(false);
  // Drawn already (the person stepped in first): a turn that comes later is passed straight on.
  const drawn = useRef(false);

  useEffect(() => {
    if (!load || shown !== 'stand') return;
    preload();
    setShown('queued');
  }, [load, shown, preload]);

  useEffect(() => {
    if (shown !== 'queued') return;
    return takeTurn(() => {
      if (drawn.current) return nextTurn();
      holdsTurn.current = true;
      startTransition(() => setShown('widget'));
    });
  }, [shown]);

  const release = useRef(() => {
    drawn.current = true;
    if (!holdsTurn.current) return;
    holdsTurn.current = false;
    nextTurn();
  }).current;
  useEffect(() => release, [release]);

  const stand = (
    <TextInput
      label={label}
      description={description}
      value={text}
      readOnly
      onFocus={() => {
        setFocused(true);
        setShown('widget');
      }}
    />
  );
  if (shown !== 'widget') return stand;
  return (
    <Suspense fallback={stand}>
      {children(focused)}
      <Drawn onDrawn={release} />
    </Suspense>
  );
}

/**
 * True from the moment what the page drew while `ready` has reached the screen: a frame later, then one task
 * more (React may run effects before the browser paints). Work started then cannot delay the page's first paint.
 */
export function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
