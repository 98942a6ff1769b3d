import { ConfigException } from '../../config/config-exception';
import type { Validator } from '../../config/validators';

/** The JDBC connectors' `db.timezone` validator (TimeZoneValidator): any zone the runtime knows. */
export const timeZoneValidator: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined) return;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value as string });
    } catch {
      throw new ConfigException(name, value, 'Invalid time zone identifier');
    }
  },
  toString: () => 'Any valid JDK time zone',
};
