import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';

// The first page of a visit keeps the browser's own focus start; later navigations move focus to the new
// page's heading, so screen-reader and keyboard users land where the content changed.
let firstPageShown = false;

/** The page's one <h1>; it also sets the document title to "<h1> · Guildhall". */
export function PageHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · Guildhall`;
  }, [children]);
  useEffect(() => {
    if (firstPageShown) ref.current?.focus();
    firstPageShown = true;
  }, []);
  return (
    <Title order={1} ref={ref} tabIndex={-1} mb="md" style={{ outline: 'none', overflowWrap: 'anywhere' }}>
      {children}
    </Title>
  );
}
