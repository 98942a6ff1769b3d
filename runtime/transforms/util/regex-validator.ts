import { ConfigException } from '../../config/config-exception';
import type { Validator } from '../../config/validators';
import { JavaPattern } from './java-regex';
import { javaPatternSyntaxMessage } from '../../config/java-pattern-syntax';

/**
 * org.apache.kafka.connect.transforms.util.RegexValidator: the value must compile as a Java regex
 * (compiled here with JavaPattern, so `(?i)`, `\Q...\E` are accepted as Java accepts them).
 * The common syntax errors get Java's PatternSyntaxException text (runtime/config/java-pattern-syntax.ts).
 */
export class TransformsRegexValidator implements Validator {
  ensureValid(name: string, value: unknown): void {
    try {
      if (value === null || value === undefined)
        throw new Error('Cannot invoke "String.isEmpty()" because "this.pattern" is null');
      const javaMessage = javaPatternSyntaxMessage(value as string);
      if (javaMessage !== undefined) throw new Error(javaMessage);
      new JavaPattern(value as string);
    } catch (e) {
      throw new ConfigException(name, value ?? null, `Invalid regex: ${(e as Error).message}`);
    }
  }

  toString(): string {
    return 'valid regex';
  }
}
