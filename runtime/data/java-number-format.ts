/**
 * Java's Double.toString / Float.toString text, which Jackson uses for doubles and floats
 * (`1.0E10`, `100.0`, `1.0E-5`, `0.001`), as specified since JDK 19: the shortest decimal that
 * rounds to the value, except that a 1-digit result is replaced by the closest 2-digit one
 * (Double.MIN_VALUE → `4.9E-324`, not `5.0E-324`). JDK 17's older algorithm differs for a few
 * values (1e23 prints as `9.999999999999999E22` there).
 */
export function formatJavaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  let text = value.toExponential();
  if (!text.includes('.')) {
    const two = value.toExponential(1);
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
    let text = f.toExponential(p - 1);
    if (p === 1 && Math.fround(Number(text)) === f) {
      const two = f.toExponential(1);
      if (Math.fround(Number(two)) === f) text = two;
    }
    if (Math.fround(Number(text)) === f) {
      const [mantissa, exp] = text.split('e') as [string, string];
      return layout(mantissa, Number(exp));
    }
  }
  return formatJavaDouble(f);
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
