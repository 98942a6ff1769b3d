import { ConfigException } from '../../config/config-exception';
import type { Validator } from '../../config/validators';
import { JavaPattern } from './java-regex';

/**
 * org.apache.kafka.connect.transforms.util.RegexValidator: the value must compile as a Java regex
 * (compiled here with JavaPattern, so `(?i)`, `\Q...\E` are accepted as Java accepts them).
 * Java's PatternSyntaxException text (description, index, caret line) is not reproduced.
 */
export class TransformsRegexValidator implements Validator {
  ensureValid(name: string, value: unknown): void {
    try {
      if (value === null || value === undefined)
        throw new Error('Cannot invoke "String.isEmpty()" because "this.pattern" is null');
      new JavaPattern(value as string);
    } catch (e) {
      throw new ConfigException(name, value ?? null, `Invalid regex: ${(e as Error).message}`);
    }
  }

  toString(): string {
    return 'valid regex';
  }
}
