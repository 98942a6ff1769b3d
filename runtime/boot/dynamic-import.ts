/**
 * import() for the bundled runtime. dist/runtime-main.js runs inside a vm.Script (the code-cache
 * loader), and once V8 takes that script's code from the cache, an import() written in it has no
 * loader (Node 20: ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, even with importModuleDynamically set).
 * The loader, compiled by Node as a plain module, registers its own import() here; code in the
 * bundle imports through it. Run from the sources (tsx) there is no loader and import() is used.
 */
type Importer = (specifier: string) => Promise<unknown>;

const KEY = Symbol.for('kafka-connect-lab.dynamic-import');

/** Called by the loader before it runs the bundle. */
export function registerDynamicImport(importer: Importer): void {
  (globalThis as Record<symbol, unknown>)[KEY] = importer;
}

export function importModule(specifier: string): Promise<unknown> {
  const importer = (globalThis as Record<symbol, unknown>)[KEY] as Importer | undefined;
  return importer ? importer(specifier) : import(specifier);
}
