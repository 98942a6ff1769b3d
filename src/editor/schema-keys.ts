/**
 * The keys schemas/connector.schema.json already completes for a connector class: the live
 * completion adds only what the schema cannot (cluster-only plugins and keys, transforms.<alias>.*).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Branch {
  if?: { properties?: Record<string, { enum?: string[] }> };
  then?: { properties?: Record<string, unknown> };
}
interface SchemaDoc {
  definitions?: { config?: { properties?: Record<string, unknown>; allOf?: Branch[] } };
}

export class SchemaKeys {
  private readonly framework: Set<string>;
  private readonly byClass = new Map<string, Set<string>>();

  constructor(extensionPath: string) {
    let doc: SchemaDoc = {};
    try {
      doc = JSON.parse(
        readFileSync(join(extensionPath, 'schemas', 'connector.schema.json'), 'utf8'),
      ) as SchemaDoc;
    } catch {
      // No schema shipped: the live completion offers every key.
    }
    const config = doc.definitions?.config;
    this.framework = new Set(Object.keys(config?.properties ?? {}));
    for (const b of config?.allOf ?? []) {
      const keys = new Set(Object.keys(b.then?.properties ?? {}));
      for (const cls of b.if?.properties?.['connector.class']?.enum ?? []) this.byClass.set(cls, keys);
    }
  }

  has(connectorClass: string | undefined, key: string): boolean {
    if (this.framework.has(key)) return true;
    return connectorClass !== undefined && (this.byClass.get(connectorClass)?.has(key) ?? false);
  }
}
