import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What is missing and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Text fw={600}>{title}</Text>
      {children && (
        <Text component="div" c="dimmed" mt="xs">
          {children}
        </Text>
      )}
    </Paper>
  );
}
