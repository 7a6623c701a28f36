export class Liveness {
  status: 'ok';
}

export class ReadinessChecks {
  postgres: 'up' | 'down';
  redis: 'up' | 'down';
}

export class Readiness {
  /** `ok` with 200, `unavailable` with 503. */
  status: 'ok' | 'unavailable';
  checks: ReadinessChecks;
}
