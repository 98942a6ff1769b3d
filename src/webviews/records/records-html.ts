/** The panel's HTML shell: one nonce'd module script, nothing inline, no eval. */
export function recordsHtml(opts: {
  scriptUri: string;
  cspSource: string;
  nonce: string;
  title: string;
}): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${opts.nonce}'`,
    `style-src ${opts.cspSource} 'nonce-${opts.nonce}'`,
    `font-src ${opts.cspSource}`,
    `img-src ${opts.cspSource} data:`,
  ].join('; ');
  const title = opts.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title}</title>
</head>
<body>
<script type="module" nonce="${opts.nonce}" src="${opts.scriptUri}"></script>
</body>
</html>`;
}
