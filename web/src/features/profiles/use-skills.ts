import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';

export type Skill = Schemas['SkillItem'];

async function loadTaxonomy(): Promise<Skill[]> {
  const skills: Skill[] = [];
  let cursor: string | undefined;
  // The taxonomy is small (the backend roadmap); fetch it whole once and search it in the browser.
  for (;;) {
    const page = await unwrap(api.GET('/v1/skills', { params: { query: { limit: 100, cursor } } }));
    skills.push(...page.items);
    if (!page.nextCursor) return skills;
    cursor = page.nextCursor;
  }
}

export function useSkillTaxonomy() {
  return useQuery({ queryKey: ['skills', 'taxonomy'], queryFn: loadTaxonomy, staleTime: 60 * 60_000 });
}

/** Skill names by slug, for showing a slug the API returned. */
export function useSkillNames(): (slug: string) => string {
  const { data } = useSkillTaxonomy();
  return (slug) => data?.find((skill) => skill.slug === slug)?.name ?? slug;
}
