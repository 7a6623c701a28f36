import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DEFAULT_RADIUS_KM } from '../meetup-search';

const MAX_KM = 20000;

interface Props {
  value: number | null;
  description?: string;
  onChange: (km: number | null) => void;
}

/**
 * "Radius (km)" around the "Near" place: whole kilometres, typed (a text box with the numeric keyboard; a number
 * widget would be the biggest code on the page for one number). Out of range, it says so and keeps the last one.
 */
export function RadiusInput({ value, description, onChange }: Props) {
  const [text, setText] = useState(value === null ? '' : String(value));
  // The back button (or "clear every filter") changes the value under the box.
  useEffect(() => {
    setText((current) =>
      Number(current) === value || (current === '' && value === null) ? current : String(value ?? ''),
    );
  }, [value]);
  const km = Number(text);
  const error =
    text !== '' && !(Number.isInteger(km) && km >= 1 && km <= MAX_KM) ? `From 1 to ${MAX_KM} km` : undefined;
  return (
    <TextInput
      label="Radius (km)"
      description={description}
      inputMode="numeric"
      autoComplete="off"
      placeholder={String(DEFAULT_RADIUS_KM)}
      value={text}
      error={error}
      onChange={(e) => {
        const next = e.currentTarget.value.replace(/[^\d]/g, '');
        setText(next);
        const n = Number(next);
        if (next === '') onChange(null);
        else if (n >= 1 && n <= MAX_KM) onChange(n);
      }}
    />
  );
}
