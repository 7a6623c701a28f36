import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

export interface CityLocation {
  city: string;
  country: string;
  lat: number;
  lng: number;
}

interface Props {
  value: CityLocation | null;
  onChange: (location: CityLocation | null) => void;
  error?: string;
  label?: string;
  autoFocus?: boolean;
}

interface Option {
  value: string;
  label: string;
  location: CityLocation;
}

let regionNames: Intl.DisplayNames | null = null;

/** "PT" → "Portugal", in the viewer's language. */
function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames(undefined, { type: 'region' });
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Springfield, IL, United States": the region only when it is a readable code, not GeoNames' numbers. */
function optionFor(location: CityLocation, id = 'current', admin1?: string | null): Option {
  const region = admin1 && !/^\d+$/.test(admin1) ? admin1 : null;
  const parts = [location.city, region, countryName(location.country)].filter(Boolean);
  return { value: id, label: parts.join(', '), location };
}

/** A city from the gazetteer (GET /v1/places): choosing one sets its country and coordinates too. */
export function CitySelect({ value, onChange, error, label = 'City', autoFocus }: Props) {
  const [selected, setSelected] = useState<Option | null>(value ? optionFor(value) : null);
  const [search, setSearch] = useState(selected?.label ?? '');
  const [query] = useDebouncedValue(search.trim(), 250);
  const searching = query.length >= 2 && query !== selected?.label;
  const places = useQuery({
    queryKey: ['places', query],
    queryFn: () => unwrap(api.GET('/v1/places', { params: { query: { q: query, limit: 10 } } })),
    enabled: searching,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const found: Option[] = searching
    ? (places.data?.items ?? []).map((place) =>
        optionFor(
          { city: place.name, country: place.country, lat: place.lat, lng: place.lng },
          String(place.id),
          place.admin1,
        ),
      )
    : [];
  const options = selected && !found.some((o) => o.value === selected.value) ? [selected, ...found] : found;
  return (
    <Select
      label={label}
      placeholder="Start typing a city"
      data={options.map(({ value: v, label: l }) => ({ value: v, label: l }))}
      value={selected?.value ?? null}
      onChange={(id) => {
        const option = options.find((o) => o.value === id) ?? null;
        setSelected(option);
        onChange(option?.location ?? null);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched (typo-tolerant, biggest first); filtering again would drop its fuzzy hits.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={
        query.length < 2 ? 'Type at least two letters' : places.isFetching ? 'Searching…' : 'No place by that name'
      }
      error={error}
      autoFocus={autoFocus}
    />
  );
}
