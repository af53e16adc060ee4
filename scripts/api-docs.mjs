// Writes docs/api.md from custom-elements.json, so the API reference cannot drift from the code:
// `node scripts/api-docs.mjs` writes it, `--check` fails when the committed file is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''].join('\n');
}

/** The Markdown reference of every custom element in `manifest`. */
export function apiDocs(manifest) {
  const elements = manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, path: module.path })))
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const out = ['# API reference', '', '<!-- Generated from custom-elements.json by scripts/api-docs.mjs: do not edit. -->', ''];
  for (const element of elements) {
    out.push(`## \`<${element.tagName}>\``, '', `${cell(element.summary ?? '')}`, '', `Class \`${element.name}\` in \`${element.path}\`.`, '');
    const fields = (element.members ?? []).filter((member) => member.kind === 'field' && member.privacy !== 'private' && member.privacy !== 'protected' && !member.static);
    const attributes = element.attributes ?? [];
    const sections = [
      ['Attributes', table(['attribute', 'property', 'type', 'default', 'description'], attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]))],
      [
        'Properties',
        table(
          ['property', 'type', 'description'],
          fields.filter((f) => !attributes.some((a) => a.fieldName === f.name)).map((f) => [code(f.name), code(f.type?.text), cell(f.description)]),
        ),
      ],
      [
        'Methods',
        table(
          ['method', 'description'],
          (element.members ?? [])
            .filter((member) => member.kind === 'method' && !member.privacy && !member.static)
            .map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), cell(m.description)]),
        ),
      ],
      ['Events', table(['event', 'description'], (element.events ?? []).map((e) => [code(e.name), cell(e.description)]))],
      ['Slots', table(['slot', 'description'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]))],
      ['CSS parts', table(['part', 'description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]))],
      ['CSS custom properties', table(['property', 'description'], (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]))],
    ];
    for (const [title, body] of sections) if (body) out.push(`### ${title}`, '', body);
  }
  return `${out.join('\n').trim()}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(`${root}/custom-elements.json`, 'utf8'));
  const docs = apiDocs(manifest);
  const target = `${root}/docs/api.md`;
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== docs) {
      console.error('docs/api.md is stale: run `npm run analyze` and commit it.');
      process.exit(1);
    }
  } else {
    mkdirSync(`${root}/docs`, { recursive: true });
    writeFileSync(target, docs);
  }
}
