import { BooleanConverter } from './boolean-converter';
import { ByteArrayConverter } from './byte-array-converter';
import type { Converter, HeaderConverter } from './converter';
import { JsonConverter } from './json-converter';
import {
  DoubleConverter,
  FloatConverter,
  IntegerConverter,
  LongConverter,
  ShortConverter,
} from './number-converters';
import { SimpleHeaderConverter } from './simple-header-converter';
import { StringConverter } from './string-converter';

export type {
  Converter,
  ConverterConfigKey,
  ConverterConfigs,
  ConverterType,
  HeaderConverter,
} from './converter';
export { ConverterConfigException, CONVERTER_TYPE_CONFIG } from './converter-config';
export { JsonConverter } from './json-converter';
export { JsonConverterConfig, JSON_CONVERTER_CONFIG_KEYS } from './json-converter-config';
export { StringConverter } from './string-converter';
export { ByteArrayConverter } from './byte-array-converter';
export { SimpleHeaderConverter } from './simple-header-converter';
export { BooleanConverter } from './boolean-converter';
export {
  DoubleConverter,
  FloatConverter,
  IntegerConverter,
  LongConverter,
  ShortConverter,
} from './number-converters';

/** Connect's converters.* family: each is both a Converter and a HeaderConverter. */
const PRIMITIVE_CONVERTERS: readonly [string, () => Converter & HeaderConverter][] = [
  [BooleanConverter.CLASS_NAME, () => new BooleanConverter()],
  [DoubleConverter.CLASS_NAME, () => new DoubleConverter()],
  [FloatConverter.CLASS_NAME, () => new FloatConverter()],
  [IntegerConverter.CLASS_NAME, () => new IntegerConverter()],
  [LongConverter.CLASS_NAME, () => new LongConverter()],
  [ShortConverter.CLASS_NAME, () => new ShortConverter()],
];

/** Converter plugins by Java class name (usable as key.converter / value.converter). */
export const CONVERTER_PLUGINS: ReadonlyMap<string, () => Converter> = new Map<string, () => Converter>([
  [JsonConverter.CLASS_NAME, () => new JsonConverter()],
  [StringConverter.CLASS_NAME, () => new StringConverter()],
  [ByteArrayConverter.CLASS_NAME, () => new ByteArrayConverter()],
  ...PRIMITIVE_CONVERTERS,
]);

/** HeaderConverter plugins by Java class name (usable as header.converter). */
export const HEADER_CONVERTER_PLUGINS: ReadonlyMap<string, () => HeaderConverter> = new Map<
  string,
  () => HeaderConverter
>([
  [SimpleHeaderConverter.CLASS_NAME, () => new SimpleHeaderConverter()],
  [JsonConverter.CLASS_NAME, () => new JsonConverter()],
  [StringConverter.CLASS_NAME, () => new StringConverter()],
  [ByteArrayConverter.CLASS_NAME, () => new ByteArrayConverter()],
  ...PRIMITIVE_CONVERTERS,
]);

/** Connect's simple-name aliases (PluginUtils: class simple name, and without the "Converter" suffix). */
export function converterAliases(className: string): string[] {
  const simple = className.slice(className.lastIndexOf('.') + 1);
  const out = [simple];
  if (simple.endsWith('Converter') && simple !== 'Converter') out.push(simple.slice(0, -'Converter'.length));
  return out;
}
