/**
 * Java's Double.toString / Float.toString text, which Jackson uses for doubles and floats
 * (`1.0E10`, `100.0`, `1.0E-5`, `0.001`), as specified since JDK 19: the shortest decimal that
 * rounds to the value, except that a 1-digit result is replaced by the closest 2-digit one
 * (Double.MIN_VALUE → `4.9E-324`, not `5.0E-324`); ties go to the even digit. This matches JDK 19+
 * (checked against Temurin 25 on thousands of random values). JDK 17's older algorithm differs for
 * some values: integral doubles above 2^53 print their exact leading digits there
 * (8.7431524106626703E18 vs 8.74315241066267E18), likewise large integral floats, and 1e23 prints as
 * `9.999999999999999E22`.
 */
export function formatJavaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  let text = value.toExponential();
  if (!text.includes('.')) {
    const two = toExponentialHalfEven(value, 2);
    if (Number(two) === value) text = two;
  }
  const [mantissa, exp] = text.split('e') as [string, string];
  return layout(mantissa, Number(exp));
}

/** Float.toString for a FLOAT32 value (the number is first rounded to float precision). */
export function formatJavaFloat(value: number): string {
  const f = Math.fround(value);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return 'Infinity';
  if (f === -Infinity) return '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  for (let p = 1; p <= 9; p++) {
    let text = toExponentialHalfEven(f, p);
    if (p === 1 && Math.fround(Number(text)) === f) {
      const two = toExponentialHalfEven(f, 2);
      if (Math.fround(Number(two)) === f) text = two;
    }
    if (Math.fround(Number(text)) === f) {
      const [mantissa, exp] = text.split('e') as [string, string];
      return layout(mantissa, Number(exp));
    }
  }
  return formatJavaDouble(f);
}

/**
 * x.toExponential(p - 1), except that an exact tie rounds to the even digit (toExponential rounds
 * ties up; Java picks the even candidate when two are equally close: 3810365.25f → 3810365.2).
 */
function toExponentialHalfEven(x: number, p: number): string {
  const text = x.toExponential(p - 1);
  const { digits, exp10 } = exactDecimal(Math.abs(x));
  if (digits.length <= p) return text;
  const rest = digits.slice(p);
  const last = digits.charCodeAt(p - 1) - 48;
  if (!/^50*$/.test(rest) || last % 2 !== 0) return text;
  const kept = digits.slice(0, p);
  const exponent = digits.length - 1 + exp10;
  const mantissa = kept.length > 1 ? `${kept[0]}.${kept.slice(1)}` : kept;
  return `${x < 0 ? '-' : ''}${mantissa}e${exponent >= 0 ? '+' : ''}${exponent}`;
}

/** The exact decimal value of a finite double: digits × 10^exp10 (digits without leading zeros). */
function exactDecimal(x: number): { digits: string; exp10: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) exp2 = -1074;
  else {
    mant |= 1n << 52n;
    exp2 = biased - 1075;
  }
  if (exp2 >= 0) return { digits: (mant << BigInt(exp2)).toString(), exp10: 0 };
  return { digits: (mant * 5n ** BigInt(-exp2)).toString(), exp10: exp2 };
}

function layout(mantissa: string, exp: number): string {
  const neg = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  let out: string;
  if (exp >= -3 && exp < 7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1);
      out = `${intPart}.${frac === '' ? '0' : frac}`;
    } else {
      out = `0.${'0'.repeat(-exp - 1)}${digits}`;
    }
  } else {
    out = `${digits[0] ?? '0'}.${digits.length > 1 ? digits.slice(1) : '0'}E${exp}`;
  }
  return neg ? `-${out}` : out;
}
