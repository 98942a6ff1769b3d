/**
 * JdbcSourceConnectorValidation: ConfigDef.validateAll, then (only when that is clean) the
 * connector's cross-key checks and a connection attempt, errors attached to the keys the real
 * connector uses.
 */
import type { ConfigValue } from '../../config/config-value';
import { javaHashOrder } from '../../config/java-compat';
import { connectWithRetries } from '../postgres/connection';
import { jdbcSourceConfigDef } from './source-config';
import { jdbcConnectionSettings, passwordValue } from './jdbc-settings';

export async function validateJdbcSource(
  props: Readonly<Record<string, string | null>>,
): Promise<ConfigValue[]> {
  const def = jdbcSourceConfigDef();
  const all = def.validateAll(props);
  const values = javaHashOrder([...all.keys()]).map((k) => all.get(k) as ConfigValue);
  if (values.some((v) => v.errorMessages.length > 0)) return values;
  const c = def.parse(props);
  const add = (key: string, msg: string): void => {
    const v = all.get(key);
    if (v && v.errorMessages.length === 0) v.addErrorMessage(msg);
  };
  const list = (k: string): string[] => (c.get(k) as string[]).filter((s) => s.trim() !== '');
  const whitelist = list('table.whitelist');
  const blacklist = list('table.blacklist');
  const include = list('table.include.list');
  const exclude = list('table.exclude.list');
  const inc = (c.get('incrementing.column.name') as string).trim();
  const ts = list('timestamp.column.name');
  const incMap = list('incrementing.column.mapping');
  const tsMap = list('timestamp.columns.mapping');
  const query = c.get('query') as string;
  const queryMasked = passwordValue(c.get('query.masked')) ?? '';
  const hasQuery = query !== '' || queryMasked !== '';
  const legacy = whitelist.length > 0 || blacklist.length > 0 || inc !== '' || ts.length > 0;
  const modern = include.length > 0 || exclude.length > 0 || incMap.length > 0 || tsMap.length > 0;
  const mode = c.get('mode') as string;

  const checks = (): boolean => {
    if (!hasQuery) {
      if (legacy && modern) {
        const msg =
          'Cannot mix legacy and new configuration approaches. Legacy configurations (table.whitelist, table.blacklist, timestamp.column.name, incrementing.column.name) cannot be used together with new configurations (table.include.list, table.exclude.list, timestamp.columns.mapping, incrementing.column.mapping). Please choose one approach: either use all legacy configurations or all new configurations.';
        if (whitelist.length) add('table.whitelist', msg);
        if (blacklist.length) add('table.blacklist', msg);
        if (include.length) add('table.include.list', msg);
        if (exclude.length) add('table.exclude.list', msg);
        if (ts.length) add('timestamp.column.name', msg);
        if (tsMap.length) add('timestamp.columns.mapping', msg);
        if (inc) add('incrementing.column.name', msg);
        if (incMap.length) add('incrementing.column.mapping', msg);
        return false;
      }
      if (!legacy && !modern) {
        const msg =
          'At least one table filtering configuration is required. Provide one of: table.whitelist, table.blacklist, table.include.list, or table.exclude.list.';
        for (const k of ['table.whitelist', 'table.blacklist', 'table.include.list', 'table.exclude.list'])
          add(k, msg);
        return false;
      }
    }
    if (query !== '' && queryMasked !== '') {
      const msg =
        "Both 'query' and 'query.masked' configs cannot be set at the same time. Please use only one of them.";
      add('query', msg);
      add('query.masked', msg);
      return false;
    }
    if (hasQuery && (whitelist.length || blacklist.length || include.length || exclude.length)) {
      const msg =
        "Do not specify table filtering configs with 'query'. Remove table.whitelist / table.blacklist / table.include.list / table.exclude.list when using query mode or 'query' when using table filtering mode.";
      add('query', msg);
      add('query.masked', msg);
      if (whitelist.length) add('table.whitelist', msg);
      if (blacklist.length) add('table.blacklist', msg);
      if (include.length) add('table.include.list', msg);
      if (exclude.length) add('table.exclude.list', msg);
      return false;
    }
    if (hasQuery && (mode === 'incrementing' || mode === 'timestamp+incrementing') && inc === '') {
      add(
        'incrementing.column.name',
        "'incrementing.column.name' must be provided when using mode 'incrementing' or 'timestamp+incrementing' with a custom query. The incrementing column cannot be auto-discovered in query mode because there is no table to inspect. Note that 'incrementing.column.mapping' is not applied in query mode (it maps columns by table-name regex, and a custom query has no underlying table to match), so 'incrementing.column.name' must be set explicitly.",
      );
      return false;
    }
    return true;
  };
  if (!checks()) return values;
  try {
    const client = await connectWithRetries(jdbcConnectionSettings(c), 1, 0);
    await client.end().catch(() => undefined);
  } catch (e) {
    add('connection.url', `Could not connect to database. ${(e as Error).message}`);
    return values;
  }
  if (modern && exclude.length > 0 && include.length === 0) {
    add(
      'table.exclude.list',
      'table.exclude.list cannot be used without table.include.list. Exclude list only applies to tables that match the include list.',
    );
  }
  return values;
}
