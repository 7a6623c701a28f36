/** Skill levels as the API numbers them (0 none … 5 expert). */
export const LEVEL_NAMES = ['None', 'Aware', 'Beginner', 'Practitioner', 'Advanced', 'Expert'] as const;

/** "3 Practitioner": how the level selects name their options. */
export function levelLabel(level: number): string {
  return `${level} ${LEVEL_NAMES[level] ?? ''}`.trim();
}

export const LEVEL_OPTIONS = LEVEL_NAMES.map((_, level) => ({ value: String(level), label: levelLabel(level) }));
