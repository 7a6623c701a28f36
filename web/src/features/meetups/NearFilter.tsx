import { Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { DeferredField, deferredWidget } from '../../components/DeferredField';
import type { Near } from './meetup-search';

const { Widget: CitySelect, preload: preloadCitySelect } = deferredWidget(() =>
  import('../profiles/CitySelect').then((m) => ({ default: m.CitySelect })),
);

const keyOf = (near: Near | null) => (near ? `${near.lat},${near.lng}` : '');

/** Rounded to about 100 m: enough for a radius in km, and no more of the viewer's position than needed. */
const round = (degrees: number) => Math.round(degrees * 1000) / 1000;

interface Props {
  value: Near | null;
  onChange: (near: Near | null) => void;
  /** Load the city combobox now (see DeferredField). */
  load: boolean;
}

/** "Near": a city from the gazetteer, or the browser's position through "My location". */
export function NearFilter({ value, onChange, load }: Props) {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The city box keeps its own text; it starts afresh when the value changes from outside (back button, "My
  // location"), but not when it changed the value itself (that would take the focus away from it).
  const emitted = useRef(keyOf(value));
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (keyOf(value) !== emitted.current) {
      emitted.current = keyOf(value);
      setGeneration((g) => g + 1);
    }
  }, [value]);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setProblem('This browser cannot tell its location; choose a city instead.');
      return;
    }
    setLocating(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onChange({
          lat: round(position.coords.latitude),
          lng: round(position.coords.longitude),
          city: null,
          country: null,
        });
      },
      (error) => {
        setLocating(false);
        setProblem(
          error.code === error.PERMISSION_DENIED
            ? 'Location access was refused; choose a city instead.'
            : 'Your location could not be found; choose a city instead.',
        );
      },
      { timeout: 15_000, maximumAge: 300_000 },
    );
  };

  return (
    <Stack gap={6}>
      <DeferredField
        load={load}
        preload={preloadCitySelect}
        label="Near"
        text={value ? (value.city ?? 'Your location') : ''}
      >
        {(autoFocus) => (
          <CitySelect
            key={generation}
            label="Near"
            value={
              value && {
                city: value.city ?? 'Your location',
                country: value.country ?? '',
                lat: value.lat,
                lng: value.lng,
              }
            }
            onChange={(location) => {
              const near = location && { ...location };
              emitted.current = keyOf(near);
              onChange(near);
            }}
            autoFocus={autoFocus}
          />
        )}
      </DeferredField>
      <div>
        <Button variant="default" size="xs" onClick={locate} loading={locating}>
          My location
        </Button>
      </div>
      {problem && (
        <Text size="sm" c="red.8" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}
