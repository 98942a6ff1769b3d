/**
 * Kafka's windowed statistics (org.apache.kafka.common.metrics.stats) as Connect's workers use them
 * with the default metrics.sample.window.ms = 30000 and metrics.num.samples = 2: values fall into
 * rotating samples; a sample older than samples × window is reset before measuring. Rate divides the
 * windowed sum by the elapsed time, counting at least (samples − 1) full windows so a fresh sensor
 * does not report a huge rate. Avg and Max of no events are NaN (JSON null in our endpoint).
 */

export interface MetricConfig {
  samples: number;
  windowMs: number;
}

/** Connect's worker defaults (metrics.num.samples, metrics.sample.window.ms). */
export const DEFAULT_METRIC_CONFIG: MetricConfig = { samples: 2, windowMs: 30_000 };

interface Sample {
  value: number;
  events: number;
  start: number;
}

/** SampledStat: `combine` decides what the retained samples mean. */
abstract class SampledStat {
  protected readonly samples: Sample[] = [];
  private current = 0;

  constructor(
    protected readonly config: MetricConfig,
    private readonly initial: number,
  ) {}

  protected abstract update(sample: Sample, value: number): void;
  protected abstract combine(samples: readonly Sample[]): number;

  record(value: number, now: number): void {
    let sample = this.currentSample(now);
    if (now - sample.start >= this.config.windowMs) sample = this.advance(now);
    this.update(sample, value);
    sample.events++;
  }

  measure(now: number): number {
    this.purgeObsolete(now);
    return this.combine(this.samples);
  }

  private currentSample(now: number): Sample {
    if (this.samples.length === 0) this.samples.push({ value: this.initial, events: 0, start: now });
    return this.samples[this.current];
  }

  private advance(now: number): Sample {
    this.current = (this.current + 1) % this.config.samples;
    if (this.current >= this.samples.length) {
      const s = { value: this.initial, events: 0, start: now };
      this.samples.push(s);
      return s;
    }
    const s = this.samples[this.current];
    this.reset(s, now);
    return s;
  }

  private reset(s: Sample, now: number): void {
    s.value = this.initial;
    s.events = 0;
    s.start = now;
  }

  protected purgeObsolete(now: number): void {
    const expireAge = this.config.samples * this.config.windowMs;
    for (const s of this.samples) if (now - s.start >= expireAge) this.reset(s, now);
  }

  /** The sample that started first (created at `now` when there is none). */
  oldestStart(now: number): number {
    this.currentSample(now);
    let oldest = this.samples[0].start;
    for (const s of this.samples) if (s.start < oldest) oldest = s.start;
    return oldest;
  }
}

class WindowedSum extends SampledStat {
  constructor(config: MetricConfig) {
    super(config, 0);
  }
  protected update(sample: Sample, value: number): void {
    sample.value += value;
  }
  protected combine(samples: readonly Sample[]): number {
    let total = 0;
    for (const s of samples) total += s.value;
    return total;
  }
}

/** stats.Rate (per second) over a WindowedSum. */
export class Rate {
  private readonly sum: WindowedSum;

  constructor(private readonly config: MetricConfig = DEFAULT_METRIC_CONFIG) {
    this.sum = new WindowedSum(config);
  }

  record(value: number, now: number): void {
    this.sum.record(value, now);
  }

  measure(now: number): number {
    const value = this.sum.measure(now);
    return value / (this.windowSize(now) / 1000);
  }

  /** Rate.windowSize: elapsed since the oldest sample, at least (samples − 1) full windows, ≥ 1 ms. */
  private windowSize(now: number): number {
    let elapsed = now - this.sum.oldestStart(now);
    const fullWindows = Math.floor(elapsed / this.config.windowMs);
    const minFull = this.config.samples - 1;
    if (fullWindows < minFull) elapsed += (minFull - fullWindows) * this.config.windowMs;
    return Math.max(elapsed, 1);
  }
}

/** stats.Avg: windowed sum / windowed event count; NaN without events. */
export class Avg extends SampledStat {
  constructor(config: MetricConfig = DEFAULT_METRIC_CONFIG) {
    super(config, 0);
  }
  protected update(sample: Sample, value: number): void {
    sample.value += value;
  }
  protected combine(samples: readonly Sample[]): number {
    let total = 0;
    let count = 0;
    for (const s of samples) {
      total += s.value;
      count += s.events;
    }
    return count === 0 ? NaN : total / count;
  }
}

/** stats.Max: windowed maximum; NaN without events. */
export class Max extends SampledStat {
  constructor(config: MetricConfig = DEFAULT_METRIC_CONFIG) {
    super(config, Number.NEGATIVE_INFINITY);
  }
  protected update(sample: Sample, value: number): void {
    sample.value = Math.max(sample.value, value);
  }
  protected combine(samples: readonly Sample[]): number {
    let max = Number.NEGATIVE_INFINITY;
    let count = 0;
    for (const s of samples) {
      max = Math.max(max, s.value);
      count += s.events;
    }
    return count === 0 ? NaN : max;
  }
}

/**
 * Frequencies.forBooleanValues: the windowed share of 1.0 (true) and 0.0 (false) records, as a ratio
 * 0…1 (Connect's offset-commit-success/failure-percentage); 0 for both without events.
 */
export class BooleanFrequencies extends SampledStat {
  constructor(config: MetricConfig = DEFAULT_METRIC_CONFIG) {
    super(config, 0);
  }
  /** The sample's value counts the true records; events counts all. */
  protected update(sample: Sample, value: number): void {
    if (value >= 0.5) sample.value += 1;
  }
  protected combine(samples: readonly Sample[]): number {
    let trues = 0;
    for (const s of samples) trues += s.value;
    return trues;
  }
  /** [share of true, share of false] in the retained samples. */
  shares(now: number): [number, number] {
    const trues = this.measure(now);
    let total = 0;
    for (const s of this.samples) total += s.events;
    if (total === 0) return [0, 0];
    return [trues / total, (total - trues) / total];
  }
}

/** A sensor's Rate + CumulativeSum pair (e.g. source-record-poll-rate / -total). */
export class RateTotal {
  total = 0;
  readonly rate: Rate;

  constructor(config: MetricConfig = DEFAULT_METRIC_CONFIG) {
    this.rate = new Rate(config);
  }

  record(value: number, now: number): void {
    this.total += value;
    this.rate.record(value, now);
  }
}

/** A sensor's Max + Avg pair (e.g. put-batch-max-time-ms / put-batch-avg-time-ms). */
export class MaxAvg {
  readonly max: Max;
  readonly avg: Avg;

  constructor(config: MetricConfig = DEFAULT_METRIC_CONFIG) {
    this.max = new Max(config);
    this.avg = new Avg(config);
  }

  record(value: number, now: number): void {
    this.max.record(value, now);
    this.avg.record(value, now);
  }
}

/** A sensor's Value / Max / Avg trio (e.g. sink-record-active-count, -max, -avg). */
export class ValueMaxAvg extends MaxAvg {
  last = 0;

  override record(value: number, now: number): void {
    this.last = value;
    super.record(value, now);
  }
}
