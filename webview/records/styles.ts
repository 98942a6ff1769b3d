/** Panel CSS, adopted as a constructed stylesheet (no inline <style>, so the CSP stays strict). */
export const css = `
:root { color-scheme: light dark; }
[hidden] { display: none !important; }
body { margin: 0; padding: 0; font-family: var(--vscode-font-family); font-size: var(--vscode-font-size);
  color: var(--vscode-foreground); background: var(--vscode-editor-background); }
#app { display: flex; flex-direction: column; height: 100vh; }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px;
  border-bottom: 1px solid var(--vscode-panel-border, #8884); }
.status { opacity: .8; margin-left: auto; }
.metrics { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 3px 6px; contain: layout style;
  border-bottom: 1px solid var(--vscode-panel-border, #8884); }
.metric { white-space: nowrap; }
.metric-value { display: inline-block; min-width: 6ch; font-variant-numeric: tabular-nums; font-weight: bold; }
.metric[data-state="behind"] .metric-value, .metric[data-state="warn"] .metric-value { color: var(--vscode-editorWarning-foreground); }
.metric[data-state="failed"] .metric-value { color: var(--vscode-errorForeground); }
#counts { display: inline-block; min-width: 42ch; white-space: nowrap; contain: layout style; }
.main { display: flex; flex: 1; min-height: 0; }
.groups { width: 240px; overflow: auto; border-right: 1px solid var(--vscode-panel-border, #8884); }
.groups:empty { display: none; }
.group { padding: 4px 6px; cursor: pointer; }
.group.active, .group:hover { background: var(--vscode-list-hoverBackground); }
.list { flex: 1; overflow: auto; position: relative; font-family: var(--vscode-editor-font-family); contain: strict; }
.spacer { position: relative; contain: size layout style; }
.row { position: absolute; top: 0; left: 0; right: 0; height: 22px; contain: strict; will-change: transform; line-height: 22px; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; padding: 0 6px; cursor: pointer; display: flex; gap: 10px; }
.row:hover { background: var(--vscode-list-hoverBackground); }
.row.selected { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
.cell { flex: none; overflow: hidden; text-overflow: ellipsis; }
.cell.grow { flex: 1; }
.muted { opacity: .7; }
.badge { border-radius: 3px; padding: 0 5px; font-weight: bold; flex: none; }
.op-c { background: var(--vscode-gitDecoration-addedResourceForeground, #3a3); color: var(--vscode-editor-background); }
.op-u { background: var(--vscode-gitDecoration-modifiedResourceForeground, #a83); color: var(--vscode-editor-background); }
.op-d, .op-t { background: var(--vscode-gitDecoration-deletedResourceForeground, #c33); color: var(--vscode-editor-background); }
.op-r { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.op-tombstone { border: 1px dashed var(--vscode-foreground); }
.detail { height: 45%; overflow: auto; border-top: 1px solid var(--vscode-panel-border, #8884); padding: 6px; }
.detail:empty { display: none; }
pre { margin: 2px 0; white-space: pre-wrap; word-break: break-all; font-family: var(--vscode-editor-font-family); }
.sides { display: flex; gap: 12px; }
.sides > div { flex: 1; min-width: 0; }
table.fields { border-collapse: collapse; width: 100%; }
table.fields td { border-bottom: 1px solid var(--vscode-panel-border, #8884); padding: 1px 4px; vertical-align: top;
  font-family: var(--vscode-editor-font-family); word-break: break-all; }
tr.changed td { background: var(--vscode-diffEditor-insertedTextBackground, #3a34); font-weight: bold; }
.before tr.changed td { background: var(--vscode-diffEditor-removedTextBackground, #c334); }
.flag { color: var(--vscode-editorWarning-foreground); }
.link { color: var(--vscode-textLink-foreground); cursor: pointer; text-decoration: underline; }
h4 { margin: 8px 0 2px; }
`;
