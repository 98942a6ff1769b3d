/**
 * org.apache.kafka.common.config.ConfigValue: the outcome of validating one key. `value` is the
 * parsed value (typed per ConfigDef.Type), or null when parsing failed or no value exists.
 */
export class ConfigValue {
  constructor(
    readonly name: string,
    public value: unknown = null,
    public recommendedValues: unknown[] = [],
    readonly errorMessages: string[] = [],
    public visible = true,
  ) {}

  addErrorMessage(message: string): void {
    this.errorMessages.push(message);
  }
}
