/**
 * The bundled dataset's source files. Each region file is owned by one
 * contributor; `buildDataset` checks and merges them.
 */
import type { NamedSource } from '../core/dataset/schema.ts';
import countries from './countries.json';
import meta from './meta.json';
import centralEastern from './regions/central-eastern.json';
import mediterraneanBalkans from './regions/mediterranean-balkans.json';
import natoEu from './regions/nato-eu.json';
import northAmerica from './regions/north-america.json';
import russiaBelarus from './regions/russia-belarus.json';
import ukraineNordicBaltic from './regions/ukraine-nordic-baltic.json';
import westernEurope from './regions/western-europe.json';

export const DATASET_META: unknown = meta;

export const DATASET_SOURCES: NamedSource[] = [
  { name: 'countries.json', value: countries },
  { name: 'regions/nato-eu.json', value: natoEu },
  { name: 'regions/north-america.json', value: northAmerica },
  { name: 'regions/russia-belarus.json', value: russiaBelarus },
  { name: 'regions/ukraine-nordic-baltic.json', value: ukraineNordicBaltic },
  { name: 'regions/western-europe.json', value: westernEurope },
  { name: 'regions/central-eastern.json', value: centralEastern },
  { name: 'regions/mediterranean-balkans.json', value: mediterraneanBalkans },
];
