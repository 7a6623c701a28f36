// Slot computation benchmark (W9): two people in different zones, 28 days that cross both the US and the EU
// daylight-saving changes, weekday and weekend windows and a few dozen booked sessions; computeSlots against
// the minute-by-minute reference implementation measured in the same run (and checked to agree with it).
// Run: npm run bench:w9 [-- --calls=N --reference-calls=N --runs=N]
import { parseArgs } from 'node:util';
import type { AvailabilityWindow } from '../src/matching/scoring/types.js';
import { computeSlots, type SlotPerson, type SlotQuery } from '../src/sessions/slots/compute-slots.js';
import { referenceSlots } from '../src/sessions/slots/reference-slots.js';
import { seededRandom } from './support/sql-bench.js';
import { passes, report, timed } from './support/stats.js';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    'reference-calls': { type: 'string', default: '3' },
    runs: { type: 'string', default: '5' },
    days: { type: 'string', default: '28' },
  },
});
const CALLS = Number(args.calls);
const REFERENCE_CALLS = Number(args['reference-calls']);
const RUNS = Number(args.runs);
const DAYS = Number(args.days);
const HOUR = 3_600_000;
// Starts on 2027-03-08: the range holds the US change (03-14) and, at 28 days, the EU one (03-28).
const FROM = Date.parse('2027-03-08T00:00:00Z');

const weekdays = (start: string, end: string): AvailabilityWindow[] =>
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));

function people(): [SlotPerson, SlotPerson] {
  const rnd = seededRandom(16);
  const busy = (n: number) =>
    Array.from({ length: n }, () => {
      const start = FROM + Math.floor(rnd() * DAYS * 48) * (HOUR / 2);
      return [start, start + (1 + Math.floor(rnd() * 3)) * (HOUR / 2)] as const;
    });
  return [
    {
      timezone: 'Europe/Berlin',
      availability: [
        ...weekdays('08:00', '12:00'),
        ...weekdays('17:30', '21:00'),
        { day: 'sat', start: '10:00', end: '16:00' },
      ],
      busy: busy(30),
    },
    {
      timezone: 'America/New_York',
      availability: [
        ...weekdays('06:00', '09:30'),
        ...weekdays('12:00', '14:00'),
        { day: 'sun', start: '00:00', end: '24:00' },
      ],
      busy: busy(30),
    },
  ];
}

async function main(): Promise<void> {
  const [a, b] = people();
  // Each call starts half an hour later, so the calls do not all read the same instants.
  const query = (i: number): SlotQuery => ({ from: FROM + (i % 48) * (HOUR / 2), days: DAYS, minutes: 60 });

  const fast = computeSlots(query(0), a, b);
  const slow = referenceSlots(query(0), a, b);
  if (JSON.stringify(fast) !== JSON.stringify(slow)) throw new Error('computeSlots and the reference disagree');
  console.log(`${fast.length} slots over ${DAYS} days; computeSlots agrees with the reference`);

  const computed = await passes(RUNS, async () => {
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) times.push((await timed(() => Promise.resolve(computeSlots(query(i), a, b))))[0]);
    return times;
  });
  const reference = await passes(RUNS, async () => {
    const times: number[] = [];
    for (let i = 0; i < REFERENCE_CALLS; i++)
      times.push((await timed(() => Promise.resolve(referenceSlots(query(i), a, b))))[0]);
    return times;
  });
  report([
    {
      workload: `computeSlots, 2 people, ${DAYS} days`,
      median: computed.p50,
      p95: computed.p95,
      unit: 'ms',
      baseline: reference.p50,
    },
    { workload: 'reference (minute by minute)', median: reference.p50, p95: reference.p95, unit: 'ms' },
  ]);
  console.log(`speed-up: ${(reference.p50 / computed.p50).toFixed(0)}x (medians over ${RUNS} passes)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
