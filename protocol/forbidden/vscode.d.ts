// Deliberately not a module. runtime/, webview/, protocol/, test/ (outside test/extension) and bench/
// map the specifier 'vscode' here, so any import of it fails to compile with
// "File '.../protocol/forbidden/vscode.d.ts' is not a module": only src/ may talk to VS Code.
declare const __kafkaConnectLabNoVscodeHere: never;
