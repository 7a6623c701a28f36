import { Alert } from '@mantine/core';

/** The form-level part of a failed submit (see formErrors). */
export function FormAlert({ messages, title = 'Not saved' }: { messages: string[]; title?: string }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {messages.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </Alert>
  );
}
