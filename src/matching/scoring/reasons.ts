import type { GoalCoverage, RatingStats, ResponsivenessStats } from './types.js';

export const LEVEL_NAMES: readonly string[] = ['none', 'aware', 'beginner', 'practitioner', 'advanced', 'expert'];

function levelName(level: number): string {
  return LEVEL_NAMES[Math.round(level)] ?? `level ${level}`;
}

let languageNames: Intl.DisplayNames | undefined;
// DisplayNames.of costs microseconds and the same few codes recur for every mentor.
const languageNameCache = new Map<string, string>();

export function languageName(code: string): string {
  let name = languageNameCache.get(code);
  if (name === undefined) {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
    try {
      name = languageNames.of(code) ?? code;
    } catch {
      name = code;
    }
    if (languageNameCache.size < 1000) languageNameCache.set(code, name);
  }
  return name;
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function goalReasons(goals: readonly GoalCoverage[], nameOf: (slug: string) => string): string[] {
  if (goals.length === 0) return ['Add learning goals to get skill-based matches'];
  const reasons: string[] = [];
  const missed: string[] = [];
  for (const goal of goals) {
    if (goal.via === null || goal.mentorLevel === null) {
      missed.push(nameOf(goal.skill));
      continue;
    }
    const relation =
      goal.relation === 'descendant'
        ? `, a specialisation of ${nameOf(goal.skill)}`
        : goal.relation === 'ancestor'
          ? `, the broader skill behind ${nameOf(goal.skill)}`
          : '';
    const yourGoal = `your goal: ${levelName(goal.targetLevel)}`;
    const yourLevel = goal.currentLevel > 0 ? `you are at ${levelName(goal.currentLevel)}` : 'you are new to it';
    const detail = goal.mentorLevel >= goal.targetLevel ? yourGoal : `${yourGoal}; ${yourLevel}`;
    reasons.push(`Teaches ${nameOf(goal.via)} at ${levelName(goal.mentorLevel)} level${relation} (${detail})`);
  }
  if (missed.length > 0) reasons.push(`No match for your ${missed.length === 1 ? 'goal' : 'goals'}: ${list(missed)}`);
  return reasons;
}

function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

export function availabilityReason(hours: number, learnerHasWindows: boolean, mentorHasWindows: boolean): string {
  if (!learnerHasWindows) return 'Add your weekly availability to match on shared hours';
  if (!mentorHasWindows) return 'The mentor has not shared their availability';
  if (hours <= 0) return 'No shared availability in the coming week';
  return `${formatHours(hours)} h/week of shared availability`;
}

export function languageReason(shared: readonly string[]): string {
  if (shared.length === 0) return 'No language in common';
  return `You both speak ${list(shared.map(languageName))}`;
}

export function openSlotsReason(openSlots: number): string {
  if (openSlots <= 0) return 'No open mentee slots';
  return plural(openSlots, 'open mentee slot');
}

const HOUR_SECONDS = 3600;

export function responsivenessReasons(stats: ResponsivenessStats | undefined): string[] {
  const answered = Math.max(0, stats?.answered ?? 0);
  const expired = Math.max(0, stats?.expired ?? 0);
  const total = answered + expired;
  if (total === 0) return ['New mentor: no request history yet'];
  if (answered === 0)
    return [`Let ${total === 1 ? 'the only request' : `all ${total} requests`} so far expire unanswered`];
  const reasons: string[] = [];
  const median = stats?.medianAnswerSeconds ?? null;
  if (median !== null) {
    if (median <= HOUR_SECONDS) reasons.push('Usually answers requests within an hour');
    else if (median <= 6 * HOUR_SECONDS) reasons.push('Usually answers requests within a few hours');
    else if (median <= 24 * HOUR_SECONDS) reasons.push('Usually answers requests within a day');
    else
      reasons.push(`Usually takes about ${plural(Math.round(median / (24 * HOUR_SECONDS)), 'day')} to answer requests`);
  }
  const expiredShare = expired / total;
  if (expiredShare >= 0.25) reasons.push(`Let ${Math.round(expiredShare * 100)}% of requests expire unanswered`);
  return reasons;
}

export function ratingReason(stats: RatingStats | undefined): string {
  const count = Math.max(0, stats?.count ?? 0);
  if (count === 0) return 'No ratings yet';
  return `Rated ${((stats?.sum ?? 0) / count).toFixed(1)}/5 by ${plural(count, 'mentee')}`;
}
