/**
 * Errors come back as application/problem+json; validation errors (400) add `errors[]` with the field path they
 * are about (`skills[0].level`, `location.lat`).
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

function asProblem(value: unknown): Problem {
  if (typeof value !== 'object' || value === null) return {};
  const raw = value as Record<string, unknown>;
  const errors = Array.isArray(raw.errors)
    ? raw.errors.filter(
        (e): e is FieldProblem => typeof e === 'object' && e !== null && typeof (e as FieldProblem).field === 'string',
      )
    : undefined;
  return {
    type: typeof raw.type === 'string' ? raw.type : undefined,
    title: typeof raw.title === 'string' ? raw.title : undefined,
    status: typeof raw.status === 'number' ? raw.status : undefined,
    detail: typeof raw.detail === 'string' ? raw.detail : undefined,
    code: typeof raw.code === 'string' ? raw.code : undefined,
    errors,
  };
}

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiError carrying its problem+json. */
export async function unwrap<T>(call: Promise<ClientResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, asProblem(error));
  return data as T;
}
