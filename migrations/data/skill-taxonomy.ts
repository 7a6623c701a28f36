// Seed data for the skill taxonomy migration. A migration must replay identically forever, so this file is
// frozen once that migration ships: later taxonomy changes go in a new migration with its own data, never here.
// No Nest or TypeORM imports, so the migration, the seeder and unit specs can all load it.

export interface TaxonomySkill {
  slug: string;
  name: string;
  category: string;
  parents: string[];
  aliases: string[];
  popularity: number /* 1..100, roadmap popularity used by the seeder */;
}

export const SKILL_CATEGORIES: string[] = [
  'languages',
  'frameworks',
  'databases',
  'apis',
  'version-control',
  'cloud',
  'devops',
  'security',
  'servers',
  'architecture',
  'testing',
  'frontend',
  'soft-skills',
];

// Parents point from the specific skill to the broader one: knowing a child earns partial credit for its
// parents (a PostgreSQL expert can teach SQL; Express implies Node.js), never the other way round.
export const SKILL_TAXONOMY: TaxonomySkill[] = [
  // languages
  {
    slug: 'javascript',
    name: 'JavaScript',
    category: 'languages',
    parents: [],
    aliases: ['JS', 'ECMAScript', 'ES6'],
    popularity: 98,
  },
  {
    slug: 'python',
    name: 'Python',
    category: 'languages',
    parents: [],
    aliases: ['py', 'Python 3', 'python3'],
    popularity: 95,
  },
  { slug: 'java', name: 'Java', category: 'languages', parents: [], aliases: ['Java SE', 'JDK'], popularity: 88 },
  {
    slug: 'typescript',
    name: 'TypeScript',
    category: 'languages',
    parents: ['javascript'],
    aliases: ['TS'],
    popularity: 86,
  },
  {
    slug: 'nodejs',
    name: 'Node.js',
    category: 'languages',
    parents: ['javascript'],
    aliases: ['Node', 'Node.js', 'NodeJS'],
    popularity: 90,
  },
  { slug: 'ruby', name: 'Ruby', category: 'languages', parents: [], aliases: [], popularity: 45 },
  { slug: 'php', name: 'PHP', category: 'languages', parents: [], aliases: [], popularity: 60 },
  { slug: 'go', name: 'Go', category: 'languages', parents: [], aliases: ['Golang'], popularity: 72 },
  { slug: 'csharp', name: 'C#', category: 'languages', parents: [], aliases: ['C Sharp', 'C-Sharp'], popularity: 70 },
  {
    slug: 'rust',
    name: 'Rust',
    category: 'languages',
    parents: [],
    aliases: ['Rust lang', 'rustlang'],
    popularity: 50,
  },
  { slug: 'kotlin', name: 'Kotlin', category: 'languages', parents: [], aliases: [], popularity: 42 },

  // frameworks
  { slug: 'django', name: 'Django', category: 'frameworks', parents: ['python'], aliases: [], popularity: 65 },
  { slug: 'flask', name: 'Flask', category: 'frameworks', parents: ['python'], aliases: [], popularity: 55 },
  {
    slug: 'fastapi',
    name: 'FastAPI',
    category: 'frameworks',
    parents: ['python'],
    aliases: ['Fast API'],
    popularity: 58,
  },
  {
    slug: 'spring',
    name: 'Spring',
    category: 'frameworks',
    parents: ['java'],
    aliases: ['Spring Boot', 'Spring Framework'],
    popularity: 70,
  },
  {
    slug: 'express',
    name: 'Express',
    category: 'frameworks',
    parents: ['nodejs'],
    aliases: ['Express.js', 'ExpressJS'],
    popularity: 75,
  },
  {
    slug: 'nestjs',
    name: 'NestJS',
    category: 'frameworks',
    parents: ['nodejs', 'typescript'],
    aliases: ['Nest', 'Nest.js'],
    popularity: 55,
  },
  {
    slug: 'rails',
    name: 'Rails',
    category: 'frameworks',
    parents: ['ruby'],
    aliases: ['Ruby on Rails', 'RoR'],
    popularity: 42,
  },
  { slug: 'laravel', name: 'Laravel', category: 'frameworks', parents: ['php'], aliases: [], popularity: 50 },
  {
    slug: 'aspnet-core',
    name: 'ASP.NET Core',
    category: 'frameworks',
    parents: ['csharp'],
    aliases: ['.NET', '.NET Core', 'ASP.NET', 'dotnet'],
    popularity: 60,
  },

  // databases
  {
    slug: 'sql',
    name: 'SQL',
    category: 'databases',
    parents: [],
    aliases: ['Structured Query Language', 'relational databases', 'RDBMS'],
    popularity: 96,
  },
  {
    slug: 'postgresql',
    name: 'PostgreSQL',
    category: 'databases',
    parents: ['sql'],
    aliases: ['Postgres', 'psql', 'pg'],
    popularity: 90,
  },
  { slug: 'mysql', name: 'MySQL', category: 'databases', parents: ['sql'], aliases: [], popularity: 80 },
  { slug: 'mariadb', name: 'MariaDB', category: 'databases', parents: ['sql'], aliases: [], popularity: 40 },
  {
    slug: 'oracle',
    name: 'Oracle',
    category: 'databases',
    parents: ['sql'],
    aliases: ['Oracle Database', 'Oracle DB', 'PL/SQL'],
    popularity: 30,
  },
  {
    slug: 'mssql',
    name: 'MS SQL Server',
    category: 'databases',
    parents: ['sql'],
    aliases: ['SQL Server', 'Microsoft SQL Server', 'MSSQL', 'T-SQL'],
    popularity: 45,
  },
  { slug: 'sqlite', name: 'SQLite', category: 'databases', parents: ['sql'], aliases: ['SQLite3'], popularity: 55 },
  {
    slug: 'nosql',
    name: 'NoSQL',
    category: 'databases',
    parents: [],
    aliases: ['non-relational databases', 'NoSQL databases'],
    popularity: 70,
  },
  { slug: 'mongodb', name: 'MongoDB', category: 'databases', parents: ['nosql'], aliases: ['Mongo'], popularity: 75 },
  {
    slug: 'cassandra',
    name: 'Cassandra',
    category: 'databases',
    parents: ['nosql'],
    aliases: ['Apache Cassandra'],
    popularity: 25,
  },
  { slug: 'redis', name: 'Redis', category: 'databases', parents: ['nosql', 'caching'], aliases: [], popularity: 78 },
  {
    slug: 'elasticsearch',
    name: 'Elasticsearch',
    category: 'databases',
    parents: ['nosql'],
    aliases: ['Elastic', 'Elastic Search'],
    popularity: 45,
  },
  {
    slug: 'database-indexing',
    name: 'Database indexing',
    category: 'databases',
    parents: [],
    aliases: ['indexes', 'indexing', 'DB indexes'],
    popularity: 60,
  },
  {
    slug: 'transactions',
    name: 'Transactions & ACID',
    category: 'databases',
    parents: [],
    aliases: ['ACID', 'database transactions'],
    popularity: 58,
  },
  {
    slug: 'orms',
    name: 'ORMs',
    category: 'databases',
    parents: [],
    aliases: ['ORM', 'object-relational mapping'],
    popularity: 62,
  },
  {
    slug: 'database-migrations',
    name: 'Database migrations',
    category: 'databases',
    parents: [],
    aliases: ['schema migrations', 'DB migrations'],
    popularity: 52,
  },

  // apis
  {
    slug: 'rest',
    name: 'REST',
    category: 'apis',
    parents: ['http'],
    aliases: ['RESTful', 'REST API', 'RESTful APIs'],
    popularity: 92,
  },
  { slug: 'graphql', name: 'GraphQL', category: 'apis', parents: [], aliases: ['GQL'], popularity: 65 },
  {
    slug: 'grpc',
    name: 'gRPC',
    category: 'apis',
    parents: [],
    aliases: ['Protocol Buffers', 'protobuf'],
    popularity: 40,
  },
  {
    slug: 'openapi',
    name: 'OpenAPI',
    category: 'apis',
    parents: ['rest'],
    aliases: ['Swagger', 'OpenAPI Specification', 'OAS'],
    popularity: 55,
  },
  {
    slug: 'websockets',
    name: 'WebSockets',
    category: 'apis',
    parents: [],
    aliases: ['WebSocket', 'WS'],
    popularity: 50,
  },

  // version control
  {
    slug: 'git',
    name: 'Git',
    category: 'version-control',
    parents: [],
    aliases: ['version control', 'VCS'],
    popularity: 97,
  },
  { slug: 'github', name: 'GitHub', category: 'version-control', parents: ['git'], aliases: [], popularity: 88 },
  { slug: 'gitlab', name: 'GitLab', category: 'version-control', parents: ['git'], aliases: [], popularity: 55 },

  // cloud
  {
    slug: 'cloud',
    name: 'Cloud',
    category: 'cloud',
    parents: [],
    aliases: ['cloud computing', 'cloud providers'],
    popularity: 80,
  },
  {
    slug: 'aws',
    name: 'AWS',
    category: 'cloud',
    parents: ['cloud'],
    aliases: ['Amazon Web Services', 'Amazon AWS'],
    popularity: 82,
  },
  {
    slug: 'gcp',
    name: 'Google Cloud',
    category: 'cloud',
    parents: ['cloud'],
    aliases: ['GCP', 'Google Cloud Platform'],
    popularity: 55,
  },
  { slug: 'azure', name: 'Azure', category: 'cloud', parents: ['cloud'], aliases: ['Microsoft Azure'], popularity: 60 },

  // devops
  { slug: 'devops', name: 'DevOps', category: 'devops', parents: [], aliases: ['Dev Ops'], popularity: 75 },
  {
    slug: 'docker',
    name: 'Docker',
    category: 'devops',
    parents: ['devops'],
    aliases: ['containers', 'containerization', 'Dockerfile'],
    popularity: 90,
  },
  {
    slug: 'kubernetes',
    name: 'Kubernetes',
    category: 'devops',
    parents: ['devops', 'docker'],
    aliases: ['K8s', 'kube'],
    popularity: 70,
  },
  {
    slug: 'ci-cd',
    name: 'CI/CD',
    category: 'devops',
    parents: ['devops'],
    aliases: ['CI', 'CD', 'CICD', 'continuous integration', 'continuous delivery', 'continuous deployment'],
    popularity: 80,
  },
  { slug: 'linux', name: 'Linux', category: 'devops', parents: [], aliases: ['GNU/Linux'], popularity: 85 },
  {
    slug: 'terraform',
    name: 'Terraform',
    category: 'devops',
    parents: ['devops'],
    aliases: ['infrastructure as code', 'IaC', 'HCL'],
    popularity: 50,
  },
  {
    slug: 'monitoring',
    name: 'Monitoring & observability',
    category: 'devops',
    parents: ['devops'],
    aliases: ['observability', 'monitoring', 'o11y'],
    popularity: 55,
  },

  // security
  {
    slug: 'security',
    name: 'Security',
    category: 'security',
    parents: [],
    aliases: ['web security', 'application security', 'AppSec'],
    popularity: 78,
  },
  {
    slug: 'authentication',
    name: 'Authentication',
    category: 'security',
    parents: ['security'],
    aliases: ['authn', 'auth'],
    popularity: 80,
  },
  {
    slug: 'oauth',
    name: 'OAuth',
    category: 'security',
    parents: ['authentication'],
    aliases: ['OAuth 2.0', 'OAuth2'],
    popularity: 62,
  },
  {
    slug: 'jwt',
    name: 'JWT',
    category: 'security',
    parents: ['authentication'],
    aliases: ['JSON Web Token', 'JSON Web Tokens'],
    popularity: 68,
  },
  {
    slug: 'tls',
    name: 'TLS',
    category: 'security',
    parents: ['security'],
    aliases: ['SSL', 'HTTPS', 'SSL/TLS'],
    popularity: 60,
  },
  {
    slug: 'encryption',
    name: 'Encryption',
    category: 'security',
    parents: ['security'],
    aliases: ['cryptography'],
    popularity: 55,
  },
  {
    slug: 'hashing',
    name: 'Hashing',
    category: 'security',
    parents: ['security'],
    aliases: ['password hashing', 'hash functions'],
    popularity: 52,
  },
  {
    slug: 'owasp',
    name: 'OWASP',
    category: 'security',
    parents: ['security'],
    aliases: ['OWASP Top 10', 'OWASP Top Ten'],
    popularity: 45,
  },
  {
    slug: 'cors',
    name: 'CORS',
    category: 'security',
    parents: ['security'],
    aliases: ['Cross-Origin Resource Sharing'],
    popularity: 50,
  },

  // servers
  { slug: 'nginx', name: 'Nginx', category: 'servers', parents: [], aliases: ['engine x'], popularity: 65 },
  {
    slug: 'apache',
    name: 'Apache',
    category: 'servers',
    parents: [],
    aliases: ['Apache HTTP Server', 'httpd', 'Apache2'],
    popularity: 40,
  },
  {
    slug: 'caching',
    name: 'Caching',
    category: 'servers',
    parents: [],
    aliases: ['cache', 'caching strategies'],
    popularity: 65,
  },
  {
    slug: 'load-balancing',
    name: 'Load balancing',
    category: 'servers',
    parents: [],
    aliases: ['load balancer', 'load balancers'],
    popularity: 55,
  },

  // architecture
  {
    slug: 'mvc',
    name: 'MVC',
    category: 'architecture',
    parents: [],
    aliases: ['Model-View-Controller'],
    popularity: 60,
  },
  {
    slug: 'microservices',
    name: 'Microservices',
    category: 'architecture',
    parents: [],
    aliases: ['microservice architecture'],
    popularity: 68,
  },
  {
    slug: 'monolith',
    name: 'Monolith',
    category: 'architecture',
    parents: [],
    aliases: ['monolithic architecture', 'modular monolith'],
    popularity: 45,
  },
  {
    slug: 'message-brokers',
    name: 'Message brokers',
    category: 'architecture',
    parents: [],
    aliases: ['message queues', 'message queue', 'MQ'],
    popularity: 55,
  },
  {
    slug: 'rabbitmq',
    name: 'RabbitMQ',
    category: 'architecture',
    parents: ['message-brokers'],
    aliases: ['Rabbit', 'AMQP'],
    popularity: 48,
  },
  {
    slug: 'kafka',
    name: 'Kafka',
    category: 'architecture',
    parents: ['message-brokers'],
    aliases: ['Apache Kafka'],
    popularity: 52,
  },
  {
    slug: 'event-driven',
    name: 'Event-driven architecture',
    category: 'architecture',
    parents: [],
    aliases: ['event-driven', 'EDA'],
    popularity: 45,
  },
  {
    slug: 'design-patterns',
    name: 'Design patterns',
    category: 'architecture',
    parents: [],
    aliases: ['GoF patterns', 'software design patterns'],
    popularity: 62,
  },
  {
    slug: 'system-design',
    name: 'System design',
    category: 'architecture',
    parents: [],
    aliases: ['systems design', 'system architecture'],
    popularity: 70,
  },
  {
    slug: 'scalability',
    name: 'Scalability',
    category: 'architecture',
    parents: [],
    aliases: ['horizontal scaling', 'scaling'],
    popularity: 58,
  },

  // testing
  {
    slug: 'unit-testing',
    name: 'Unit testing',
    category: 'testing',
    parents: [],
    aliases: ['unit tests'],
    popularity: 75,
  },
  {
    slug: 'integration-testing',
    name: 'Integration testing',
    category: 'testing',
    parents: [],
    aliases: ['integration tests'],
    popularity: 62,
  },
  {
    slug: 'tdd',
    name: 'TDD',
    category: 'testing',
    parents: ['unit-testing'],
    aliases: ['test-driven development'],
    popularity: 50,
  },
  {
    slug: 'debugging',
    name: 'Debugging',
    category: 'testing',
    parents: [],
    aliases: ['troubleshooting'],
    popularity: 80,
  },

  // frontend basics
  { slug: 'html', name: 'HTML', category: 'frontend', parents: [], aliases: ['HTML5'], popularity: 85 },
  { slug: 'css', name: 'CSS', category: 'frontend', parents: [], aliases: ['CSS3'], popularity: 82 },
  {
    slug: 'http',
    name: 'HTTP & browsers',
    category: 'frontend',
    parents: [],
    aliases: ['HTTP', 'browsers', 'web browsers', 'how the internet works'],
    popularity: 85,
  },

  // soft skills
  {
    slug: 'problem-solving',
    name: 'Problem solving',
    category: 'soft-skills',
    parents: [],
    aliases: ['problem-solving', 'analytical thinking'],
    popularity: 85,
  },
  {
    slug: 'communication',
    name: 'Communication',
    category: 'soft-skills',
    parents: [],
    aliases: ['communication skills'],
    popularity: 80,
  },
  {
    slug: 'code-review',
    name: 'Code review',
    category: 'soft-skills',
    parents: [],
    aliases: ['code reviews', 'pull request review'],
    popularity: 65,
  },
  {
    slug: 'technical-writing',
    name: 'Technical writing',
    category: 'soft-skills',
    parents: [],
    aliases: ['documentation', 'tech writing'],
    popularity: 50,
  },
];

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Lookups are case-insensitive in SQL, so two skills must never answer to the same lowercased term.
function lookupKey(term: string): string {
  return term.trim().toLowerCase();
}

/**
 * Every problem found in a taxonomy, as readable sentences; an empty array means the data is consistent.
 * Checks slugs, categories (when given), popularity, parents (known, distinct, acyclic) and that no name,
 * slug or alias of one skill is also a name, slug or alias of another.
 */
export function validateTaxonomy(
  skills: readonly TaxonomySkill[],
  categories: readonly string[] = SKILL_CATEGORIES,
): string[] {
  const problems: string[] = [];
  const bySlug = new Map<string, TaxonomySkill>();
  const knownCategories = new Set(categories);

  for (const skill of skills) {
    if (bySlug.has(skill.slug)) problems.push(`duplicate slug "${skill.slug}"`);
    else bySlug.set(skill.slug, skill);
    if (!SLUG_PATTERN.test(skill.slug)) problems.push(`slug "${skill.slug}" is not lowercase kebab-case`);
    if (skill.name.trim() === '') problems.push(`skill "${skill.slug}" has an empty name`);
    if (!knownCategories.has(skill.category)) {
      problems.push(`skill "${skill.slug}" has unknown category "${skill.category}"`);
    }
    if (!Number.isInteger(skill.popularity) || skill.popularity < 1 || skill.popularity > 100) {
      problems.push(`skill "${skill.slug}" has popularity ${skill.popularity} outside 1..100`);
    }
  }

  for (const skill of skills) {
    const seen = new Set<string>();
    for (const parent of skill.parents) {
      if (seen.has(parent)) problems.push(`skill "${skill.slug}" lists parent "${parent}" twice`);
      seen.add(parent);
      if (parent === skill.slug) problems.push(`skill "${skill.slug}" is its own parent`);
      else if (!bySlug.has(parent)) problems.push(`skill "${skill.slug}" has unknown parent "${parent}"`);
    }
  }

  problems.push(...findCycles(bySlug));

  const owners = new Map<string, string>();
  for (const skill of skills) {
    const terms = new Set([skill.slug, skill.name, ...skill.aliases].map(lookupKey));
    for (const alias of skill.aliases) {
      if (lookupKey(alias) === '') problems.push(`skill "${skill.slug}" has an empty alias`);
    }
    for (const term of terms) {
      const owner = owners.get(term);
      if (owner === undefined) owners.set(term, skill.slug);
      else if (owner !== skill.slug) {
        problems.push(`alias collision: "${term}" names both "${owner}" and "${skill.slug}"`);
      }
    }
  }

  return problems;
}

function findCycles(bySlug: ReadonlyMap<string, TaxonomySkill>): string[] {
  const done = new Set<string>();
  const onPath: string[] = [];
  const problems: string[] = [];

  const visit = (slug: string): void => {
    const at = onPath.indexOf(slug);
    if (at >= 0) {
      problems.push(`parent cycle: ${[...onPath.slice(at), slug].join(' -> ')}`);
      return;
    }
    if (done.has(slug)) return;
    onPath.push(slug);
    for (const parent of bySlug.get(slug)?.parents ?? []) {
      if (parent !== slug && bySlug.has(parent)) visit(parent);
    }
    onPath.pop();
    done.add(slug);
  };

  for (const slug of bySlug.keys()) visit(slug);
  return problems;
}
