import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { allTimeZones } from '../../lib/time';

interface Props {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  description?: string;
}

/** A searchable pick of every IANA zone the browser knows. */
export function TimeZoneSelect({ value, onChange, error, description }: Props) {
  const zones = useMemo(() => allTimeZones(), []);
  const data = zones.includes(value) ? zones : [value, ...zones];
  return (
    <Select
      label="Time zone"
      description={description}
      data={data}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      searchable
      limit={50}
      nothingFoundMessage="No zone by that name"
      allowDeselect={false}
      error={error}
    />
  );
}
