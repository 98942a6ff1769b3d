/** Converter and header-converter plugins of runtime/converters, under Connect's class names. */
import { CONVERTER_PLUGINS, HEADER_CONVERTER_PLUGINS } from '../converters/index';
import { CONNECT_VERSION } from '../connectors/file/version';
import type { PluginRegistry } from './registry';

export function registerConverters(registry: PluginRegistry): void {
  for (const [className, create] of CONVERTER_PLUGINS) {
    registry.register({ className, type: 'converter', version: CONNECT_VERSION, create });
  }
  for (const [className, create] of HEADER_CONVERTER_PLUGINS) {
    registry.register({ className, type: 'header_converter', version: CONNECT_VERSION, create });
  }
}
