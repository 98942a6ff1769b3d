/**
 * ConfigDef.Validator and the stock validators of org.apache.kafka.common.config.ConfigDef (Kafka 4.4),
 * with their exact messages and toString() texts (toString feeds documentation and schemas).
 * A validator throws ConfigException; ConfigDef turns that into a ConfigValue error message.
 */
import { ConfigException } from './config-exception';
import { javaHashOrder, javaToString } from './java-compat';
import { javaPatternSyntaxMessage } from './java-pattern-syntax';

export interface Validator {
  /** Throws ConfigException when `value` (already parsed to the key's type, or null) is invalid. */
  ensureValid(name: string, value: unknown): void;
  toString(): string;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`not a number: ${javaToString(value)}`);
}

/** Range.atLeast / Range.between: inclusive bounds, compared as doubles like Java. */
export class Range implements Validator {
  private constructor(
    readonly min: number | bigint | null,
    readonly max: number | bigint | null,
  ) {}

  static atLeast(min: number | bigint): Range {
    return new Range(min, null);
  }

  static between(min: number | bigint, max: number | bigint): Range {
    return new Range(min, max);
  }

  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined)
      throw new ConfigException(name, null, 'Value must be non-null');
    const n = toNumber(value);
    if (this.min !== null && n < Number(this.min))
      throw new ConfigException(name, value, `Value must be at least ${this.min}`);
    if (this.max !== null && n > Number(this.max))
      throw new ConfigException(name, value, `Value must be no more than ${this.max}`);
  }

  toString(): string {
    if (this.min === null && this.max === null) return '[...]';
    if (this.min === null) return `[...,${this.max}]`;
    if (this.max === null) return `[${this.min},...]`;
    return `[${this.min},...,${this.max}]`;
  }
}

/** ValidString.in: exact (case-sensitive) match. */
export class ValidString implements Validator {
  private constructor(readonly validStrings: readonly string[]) {}

  static in(...validStrings: string[]): ValidString {
    return new ValidString(validStrings);
  }

  ensureValid(name: string, value: unknown): void {
    if (!this.validStrings.includes(value as string)) {
      throw new ConfigException(name, value, `String must be one of: ${this.validStrings.join(', ')}`);
    }
  }

  toString(): string {
    return `[${this.validStrings.join(', ')}]`;
  }
}

/**
 * CaseInsensitiveValidString.in: Java keeps the upper-cased strings in a HashSet, so the message
 * lists them in HashSet order (e.g. "REQUIRED, REQUESTED"), which we reproduce.
 */
export class CaseInsensitiveValidString implements Validator {
  /** Upper-cased, in Java HashSet order (as Connect prints them). */
  readonly validStrings: readonly string[];

  private constructor(readonly originalStrings: readonly string[]) {
    this.validStrings = javaHashOrder([...new Set(originalStrings.map((s) => s.toUpperCase()))]);
  }

  static in(...validStrings: string[]): CaseInsensitiveValidString {
    return new CaseInsensitiveValidString(validStrings);
  }

  ensureValid(name: string, value: unknown): void {
    if (typeof value !== 'string' || !this.validStrings.includes(value.toUpperCase())) {
      throw new ConfigException(
        name,
        value,
        `String must be one of (case insensitive): ${this.validStrings.join(', ')}`,
      );
    }
  }

  toString(): string {
    return `(case insensitive) [${this.validStrings.join(', ')}]`;
  }
}

/**
 * ValidList (Kafka 4.2+ semantics, KIP-1161): null rejected unless allowed, empty list rejected unless
 * allowed, no duplicates, no empty entries, and each entry in the valid set when one is given.
 */
export class ValidList implements Validator {
  private constructor(
    readonly validStrings: readonly string[],
    readonly isEmptyAllowed: boolean,
    readonly isNullAllowed: boolean,
  ) {}

  /** ValidList.in(String...): empty list allowed, null not. */
  static in(...validStrings: string[]): ValidList {
    return new ValidList(validStrings, true, false);
  }

  /** ValidList.in(boolean isEmptyAllowed, String...). */
  static inAllowEmpty(isEmptyAllowed: boolean, ...validStrings: string[]): ValidList {
    if (!isEmptyAllowed && validStrings.length === 0) {
      throw new Error('At least one valid string must be provided when empty values are not allowed');
    }
    return new ValidList(validStrings, isEmptyAllowed, false);
  }

  static anyNonDuplicateValues(isEmptyAllowed: boolean, isNullAllowed: boolean): ValidList {
    return new ValidList([], isEmptyAllowed, isNullAllowed);
  }

  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined) {
      if (this.isNullAllowed) return;
      throw new ConfigException(`Configuration '${name}' values must not be null.`);
    }
    const values = value as unknown[];
    if (!this.isEmptyAllowed && values.length === 0) {
      const valid =
        this.validStrings.length === 0 ? 'any non-empty value' : `[${this.validStrings.join(', ')}]`;
      throw new ConfigException(`Configuration '${name}' must not be empty. Valid values include: ${valid}`);
    }
    if (new Set(values).size !== values.length) {
      throw new ConfigException(`Configuration '${name}' values must not be duplicated.`);
    }
    for (const v of values) {
      if (typeof v !== 'string') continue;
      if (v.length === 0) throw new ConfigException(`Configuration '${name}' values must not be empty.`);
      if (this.validStrings.length > 0 && !this.validStrings.includes(v)) {
        throw new ConfigException(name, v, `String must be one of: ${this.validStrings.join(', ')}`);
      }
    }
  }

  toString(): string {
    return this.validStrings.length === 0 ? '' : `[${this.validStrings.join(', ')}]`;
  }
}

export class NonNullValidator implements Validator {
  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined)
      throw new ConfigException(name, 'null', 'entry must be non null');
  }
  toString(): string {
    return 'non-null string';
  }
}

export class NonEmptyString implements Validator {
  ensureValid(name: string, value: unknown): void {
    if (typeof value === 'string' && value.length === 0)
      throw new ConfigException(name, value, 'String must be non-empty');
  }
  toString(): string {
    return 'non-empty string';
  }
}

/** Character.isISOControl: U+0000..U+001F and U+007F..U+009F. */
function isIsoControl(cp: number): boolean {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
}

export class NonEmptyStringWithoutControlChars implements Validator {
  static nonEmptyStringWithoutControlChars(): NonEmptyStringWithoutControlChars {
    return new NonEmptyStringWithoutControlChars();
  }

  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined) return;
    const s = value as string;
    if (s.length === 0) throw new ConfigException(name, value, 'String may not be empty');
    const found: number[] = [];
    // Java walks char indexes but reads code points there, so we do the same.
    for (let i = 0; i < s.length; i++) {
      const cp = s.codePointAt(i) ?? 0;
      if (isIsoControl(cp)) found.push(cp);
    }
    if (found.length > 0) {
      throw new ConfigException(
        name,
        value,
        `String may not contain control sequences but had the following ASCII chars: ${found.join(', ')}`,
      );
    }
  }

  toString(): string {
    return 'non-empty string without ISO control characters';
  }
}

export class ListSize implements Validator {
  private constructor(readonly maxSize: number) {}
  static atMostOfSize(maxSize: number): ListSize {
    return new ListSize(maxSize);
  }
  ensureValid(name: string, value: unknown): void {
    if ((value as unknown[]).length > this.maxSize) {
      throw new ConfigException(name, value, `exceeds maximum list size of [${this.maxSize}].`);
    }
  }
  toString(): string {
    return `List containing maximum of ${this.maxSize} elements`;
  }
}

export class LambdaValidator implements Validator {
  private constructor(
    private readonly check: (name: string, value: unknown) => void,
    private readonly describe: () => string,
  ) {}

  static with(check: (name: string, value: unknown) => void, describe: () => string): LambdaValidator {
    return new LambdaValidator(check, describe);
  }

  ensureValid(name: string, value: unknown): void {
    this.check(name, value);
  }

  toString(): string {
    return this.describe();
  }
}

export class CompositeValidator implements Validator {
  private constructor(readonly validators: readonly Validator[]) {}

  static of(...validators: Validator[]): CompositeValidator {
    return new CompositeValidator(validators);
  }

  ensureValid(name: string, value: unknown): void {
    for (const v of this.validators) v.ensureValid(name, value);
  }

  toString(): string {
    return this.validators.map((v) => v.toString()).join(', ');
  }
}

/**
 * org.apache.kafka.connect.transforms.util.RegexValidator (topics.regex, RegexRouter...): the value
 * must compile. The common syntax errors get Java's PatternSyntaxException text
 * (java-pattern-syntax.ts), others the JS engine's after Connect's prefix; null gets the Java 17
 * NullPointerException text the real worker prints.
 */
export class RegexValidator implements Validator {
  ensureValid(name: string, value: unknown): void {
    if (value === null || value === undefined) {
      throw new ConfigException(
        name,
        null,
        'Invalid regex: Cannot invoke "String.isEmpty()" because "this.pattern" is null',
      );
    }
    const javaMessage = javaPatternSyntaxMessage(value as string);
    if (javaMessage !== undefined) throw new ConfigException(name, value, `Invalid regex: ${javaMessage}`);
    try {
      new RegExp(value as string);
    } catch (e) {
      throw new ConfigException(name, value, `Invalid regex: ${(e as Error).message}`);
    }
  }
  toString(): string {
    return 'valid regex';
  }
}

/** What a validator allows, in a form JSON-schema generation and editors can use. */
export interface ValidatorFacts {
  /** Allowed values of a STRING key, or of each entry of a LIST key. */
  enum?: readonly string[];
  /** enum compared ignoring case (CaseInsensitiveValidString). */
  caseInsensitive?: boolean;
  /** Inclusive numeric bounds (Range). */
  minimum?: number | bigint;
  maximum?: number | bigint;
  /** The value must not be empty (NonEmptyString, NonEmptyStringWithoutControlChars). */
  nonEmpty?: boolean;
  /** Must compile as a regular expression. */
  regex?: boolean;
  /** Validator.toString() texts of the parts, as Connect documents them. */
  descriptions: string[];
}

/** Facts of a validator (CompositeValidator merged); custom/lambda validators contribute only their text. */
export function validatorFacts(v: Validator | null | undefined): ValidatorFacts {
  const facts: ValidatorFacts = { descriptions: [] };
  const visit = (x: Validator): void => {
    if (x instanceof CompositeValidator) {
      x.validators.forEach(visit);
      return;
    }
    const text = x.toString();
    if (text) facts.descriptions.push(text);
    if (x instanceof ValidString || x instanceof ValidList) {
      if (x.validStrings.length > 0) facts.enum = x.validStrings;
    } else if (x instanceof CaseInsensitiveValidString) {
      facts.enum = x.originalStrings;
      facts.caseInsensitive = true;
    } else if (x instanceof Range) {
      if (x.min !== null) facts.minimum = x.min;
      if (x.max !== null) facts.maximum = x.max;
    } else if (x instanceof NonEmptyString || x instanceof NonEmptyStringWithoutControlChars) {
      facts.nonEmpty = true;
    } else if (x instanceof RegexValidator) {
      facts.regex = true;
    }
  };
  if (v) visit(v);
  return facts;
}
