import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators.js';
import { PlaceList, PlacesQuery } from './dto/places.dto.js';
import { PlacesService } from './places.service.js';

@ApiTags('places')
@Controller('v1/places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  /**
   * Places from the world gazetteer shipped with the service (GeoNames' cities of 1,000+ people), for picking a
   * city: typo-tolerant, biggest first. Public reference data (no token); anonymous calls are rate-limited per
   * address like every other endpoint.
   */
  @Public()
  @Get()
  async search(@Query() query: PlacesQuery): Promise<PlaceList> {
    return { items: await this.places.search(query), nextCursor: null };
  }
}
