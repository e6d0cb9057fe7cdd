import { z } from 'zod';
import { readableText } from '../shared/readable-text';
import { territoryCode } from './region-access';

/** `POST /api/regions`: the system administrator registers a region (субъект Российской Федерации). */
export const registerRegionBody = z.strictObject({
  regionId: territoryCode.describe('Код региона (буквы латинского алфавита)'),
  name: readableText(300).describe('Наименование региона'),
});
export type RegisterRegionBody = z.infer<typeof registerRegionBody>;

/** `POST /api/regions/{regionId}/municipalities`: a municipality of that region. */
export const registerMunicipalityBody = z.strictObject({
  municipalityId: territoryCode.describe('Код муниципалитета, единственный в регионе'),
  name: readableText(300).describe('Наименование муниципального района (округа)'),
});
export type RegisterMunicipalityBody = z.infer<typeof registerMunicipalityBody>;
