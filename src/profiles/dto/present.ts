import { ValidateIf } from 'class-validator';

/**
 * Optional, but not nullable: an absent field is left alone, while `null` goes on to fail the field's
 * other rules (class-validator's @IsOptional would let null through).
 */
export const IfPresent = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
