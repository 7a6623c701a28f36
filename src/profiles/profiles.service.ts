import { Injectable } from '@nestjs/common';
import { NotFound } from '../common/errors/domain-error.js';
import { sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ownProfileView, type ProfileRow } from './profile.view.js';

@Injectable()
export class ProfilesService {
  constructor(private readonly uow: UnitOfWork) {}

  async getOwn(id: string) {
    const row = await sqlOne<ProfileRow>(this.uow.dataSource, `SELECT * FROM profiles WHERE id = $1`, [id]);
    if (!row) throw new NotFound('Profile');
    return ownProfileView(row);
  }
}
