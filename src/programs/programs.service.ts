import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Conflict, NotFound, ValidationFailed, type FieldError } from '../common/errors/domain-error.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import type {
  CreateProgramDto,
  JoinProgramDto,
  MembershipView,
  ProgramSide,
  ProgramView,
  UpdateMembershipDto,
} from './dto/program.dto.js';
import {
  MEMBER_COLUMNS,
  membershipView,
  PROGRAM_COLUMNS,
  programView,
  type MemberRow,
  type ProgramRow,
} from './program.view.js';

const otherSide = (side: ProgramSide): ProgramSide => (side === 'learner' ? 'mentor' : 'learner');

/**
 * Programs and memberships (docs/api.md#mentoring-programs-cohort-matching): creating a program, joining it, and
 * keeping one's capacity and preferences.
 */
@Injectable()
export class ProgramsService {
  constructor(private readonly uow: UnitOfWork) {}

  async create(organizerId: string, dto: CreateProgramDto): Promise<ProgramView> {
    const row = await sqlOne<ProgramRow>(
      this.uow.db,
      `INSERT INTO programs AS p (organizer_id, name, description, mode) VALUES ($1, $2, $3, $4)
       RETURNING ${PROGRAM_COLUMNS}`,
      [organizerId, dto.name, dto.description ?? null, dto.mode],
    );
    return programView(row!);
  }

  /** Programs are joined by id, so anyone signed in who has the id may read it. */
  async get(id: string): Promise<ProgramView> {
    const row = await sqlOne<ProgramRow>(this.uow.db, `SELECT ${PROGRAM_COLUMNS} FROM programs p WHERE p.id = $1`, [
      id,
    ]);
    if (!row) throw new NotFound('Program');
    return programView(row);
  }

  /**
   * The program row is share-locked for the whole join, so a publish (which locks it exclusively) sees
   * either the membership or a published program, never a half-joined member.
   */
  async join(user: AuthUser, programId: string, dto: JoinProgramDto): Promise<MembershipView> {
    return this.uow.run(async (tx) => {
      const program = await this.lockProgram(tx, programId);
      const errors: FieldError[] = [];
      if (!(user.roles as string[]).includes(dto.as)) {
        errors.push({ field: 'as', message: `only profiles with the ${dto.as} role can join as ${dto.as}` });
      }
      errors.push(...capacityErrors(dto.as, dto.capacity, true));
      if (errors.length) throw new ValidationFailed(errors);
      if (program.status !== 'open')
        throw new Conflict('PROGRAM_PUBLISHED', 'This program is published and takes no new members.');
      const existing = await sqlOne(tx, `SELECT 1 FROM program_members WHERE program_id = $1 AND profile_id = $2`, [
        programId,
        user.id,
      ]);
      if (existing)
        throw new Conflict(
          'ALREADY_MEMBER',
          'You are already a member of this program; change your membership with PATCH /v1/programs/:id/members/me.',
        );
      const preferences = dto.preferences ?? [];
      await this.assertRankable(tx, programId, dto.as, preferences);
      const row = await sqlOne<MemberRow>(
        tx,
        `INSERT INTO program_members AS m (program_id, profile_id, side, capacity, preferences)
         VALUES ($1, $2, $3, $4, $5::uuid[])
         ON CONFLICT DO NOTHING RETURNING ${MEMBER_COLUMNS}`,
        [programId, user.id, dto.as, dto.as === 'mentor' ? dto.capacity : null, preferences],
      );
      if (!row) throw new Conflict('ALREADY_MEMBER', 'You are already a member of this program.');
      return membershipView(row);
    });
  }

  async membership(userId: string, programId: string): Promise<MembershipView> {
    const row = await sqlOne<MemberRow>(
      this.uow.db,
      `SELECT ${MEMBER_COLUMNS} FROM program_members m WHERE m.program_id = $1 AND m.profile_id = $2`,
      [programId, userId],
    );
    if (!row) throw new NotFound('Membership');
    return membershipView(row);
  }

  /** Capacity and preferences can change until the program is published; the side is fixed at join. */
  async updateMembership(userId: string, programId: string, dto: UpdateMembershipDto): Promise<MembershipView> {
    return this.uow.run(async (tx) => {
      const program = await this.lockProgram(tx, programId);
      const member = await sqlOne<MemberRow>(
        tx,
        `SELECT ${MEMBER_COLUMNS} FROM program_members m WHERE m.program_id = $1 AND m.profile_id = $2 FOR UPDATE`,
        [programId, userId],
      );
      if (!member) throw new NotFound('Membership');
      const errors = capacityErrors(member.side, dto.capacity, false);
      if (errors.length) throw new ValidationFailed(errors);
      if (program.status !== 'open')
        throw new Conflict('PROGRAM_PUBLISHED', 'This program is published; memberships no longer change.');
      if (dto.preferences) await this.assertRankable(tx, programId, member.side, dto.preferences);
      const row = await sqlOne<MemberRow>(
        tx,
        `UPDATE program_members AS m SET capacity = coalesce($3, m.capacity), preferences = coalesce($4::uuid[],
           m.preferences), updated_at = now()
          WHERE m.program_id = $1 AND m.profile_id = $2 RETURNING ${MEMBER_COLUMNS}`,
        [programId, userId, dto.capacity ?? null, dto.preferences ?? null],
      );
      return membershipView(row!);
    });
  }

  /**
   * Account deletion: the member leaves every program, and other members' preference lists forget them (a
   * ranking that names a deleted member would feed the solvers an id that no longer exists).
   */
  async removeMember(tx: Tx, profileId: string): Promise<void> {
    await sql(tx, `DELETE FROM program_members WHERE profile_id = $1`, [profileId]);
    await sql(
      tx,
      `UPDATE program_members SET preferences = array_remove(preferences, $1::uuid), updated_at = now()
        WHERE $1::uuid = ANY (preferences)`,
      [profileId],
    );
  }

  private async lockProgram(tx: Tx, programId: string): Promise<ProgramRow> {
    const program = await sqlOne<ProgramRow>(
      tx,
      `SELECT ${PROGRAM_COLUMNS} FROM programs p WHERE p.id = $1 FOR SHARE`,
      [programId],
    );
    if (!program) throw new NotFound('Program');
    return program;
  }

  /**
   * Only members of the other side may be ranked (docs/api.md#mentoring-programs-cohort-matching): anything else
   * is a 400 naming the entry.
   */
  private async assertRankable(tx: Tx, programId: string, side: ProgramSide, preferences: string[]): Promise<void> {
    if (!preferences.length) return;
    const rows = await sql<{ profile_id: string }>(
      tx,
      `SELECT profile_id FROM program_members WHERE program_id = $1 AND side = $2 AND profile_id = ANY($3::uuid[])`,
      [programId, otherSide(side), preferences],
    );
    const members = new Set(rows.map((r) => r.profile_id));
    const errors: FieldError[] = [];
    preferences.forEach((id, i) => {
      if (!members.has(id))
        errors.push({ field: `preferences[${i}]`, message: `${id} is not a ${otherSide(side)} of this program` });
    });
    if (errors.length)
      throw new ValidationFailed(errors, 'Only members of the other side can be ranked.', 'PREFERENCE_NOT_RANKABLE');
  }
}

function capacityErrors(side: ProgramSide, capacity: number | null | undefined, required: boolean): FieldError[] {
  if (side === 'mentor' && required && capacity == null)
    return [{ field: 'capacity', message: 'mentors give the capacity they offer in this program (1–20)' }];
  if (side === 'learner' && capacity != null)
    return [{ field: 'capacity', message: 'learners do not give a capacity' }];
  return [];
}
