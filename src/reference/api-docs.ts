/**
 * The public API as documentation and as a contract, read from the source with the TypeScript
 * compiler: every export of `src/lib/api.ts` with its kind, signature, doc comment, `@example`
 * expressions and the module it is declared in. The reference page `/api/` is generated from this
 * (never a hand-kept list), and `tests/unit/published-api.test.ts` compares the signatures with
 * the committed `tests/published-api.json`.
 */
import ts from 'typescript';
import { basename, join } from 'node:path';

export type ApiKind = 'function' | 'const' | 'interface' | 'type';

export interface ApiEntry {
  name: string;
  kind: ApiKind;
  /** Module the export is declared in, e.g. "kaplan". */
  module: string;
  /** Signature (functions, constants) or the declaration without comments (interfaces, types). */
  signature: string;
  /** The doc comment's text (without tags). */
  doc: string;
  /** `@example` expressions, in order. */
  examples: string[];
}

const API_ENTRY = 'src/lib/api.ts';

function printDeclaration(node: ts.Node, file: ts.SourceFile): string {
  const printer = ts.createPrinter({ removeComments: true });
  return printer.printNode(ts.EmitHint.Unspecified, node, file).replace(/^export\s+/, '');
}

/** Read the exports of the public API (default `src/lib/api.ts` under `root`), sorted by name. */
export function publicApiEntries(root: string = process.cwd()): ApiEntry[] {
  const entry = join(root, API_ENTRY);
  const program = ts.createProgram([entry], {
    allowImportingTsExtensions: true,
    resolveJsonModule: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`Cannot read the exports of ${API_ENTRY}`);
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
  return checker
    .getExportsOfModule(moduleSymbol)
    .map((exported): ApiEntry => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const decl = symbol.declarations?.[0];
      if (!decl) throw new Error(`${API_ENTRY}: export ${exported.name} has no declaration`);
      const file = decl.getSourceFile();
      const name = exported.name;
      let kind: ApiKind;
      let signature: string;
      if (ts.isFunctionDeclaration(decl)) {
        kind = 'function';
        const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
        signature = type
          .getCallSignatures()
          .map((s) => `function ${name}${checker.signatureToString(s, undefined, flags)}`)
          .join('\n');
      } else if (ts.isVariableDeclaration(decl)) {
        kind = 'const';
        signature = `const ${name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, decl), undefined, flags)}`;
      } else if (ts.isInterfaceDeclaration(decl)) {
        kind = 'interface';
        signature = printDeclaration(decl, file);
      } else if (ts.isTypeAliasDeclaration(decl)) {
        kind = 'type';
        signature = printDeclaration(decl, file);
      } else {
        throw new Error(`${API_ENTRY}: export ${name} is a ${ts.SyntaxKind[decl.kind]}, which the reference cannot describe`);
      }
      const tags = symbol.getJsDocTags(checker);
      return {
        name,
        kind,
        module: basename(file.fileName).replace(/\.ts$/, ''),
        // An optional parameter or property already admits undefined; the checker spells it out.
        signature: signature.replace(/(\?: [^,;()\n]+?) \| undefined(?=[,;)\n])/g, '$1'),
        doc: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
        examples: tags.filter((t) => t.name === 'example').map((t) => ts.displayPartsToString(t.text).trim()),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** An equation a doc comment cites: "Kaplan Eq. (1.1)" → { paper: "kaplan-2020", label: "Eq. (1.1)" }. */
export interface CitedEquation {
  paper: string;
  label: string;
}

const PAPERS: Readonly<Record<string, string>> = { Kaplan: 'kaplan-2020', Hoffmann: 'hoffmann-2022', Besiroglu: 'besiroglu-2024' };

/**
 * The equations a doc comment cites, in order: each "Eq. (x)" (and "/ (y)" alternatives after it)
 * belongs to the last paper named before it (Kaplan, Hoffmann, Besiroglu).
 */
export function citedEquations(doc: string): CitedEquation[] {
  const out: CitedEquation[] = [];
  let paper: string | undefined;
  const token = /\b(Kaplan|Hoffmann|Besiroglu)\b|\bEqs?\.\s*\(([\dA-Z]+(?:\.\d+)?)\)((?:\s*(?:\/|,|and|or)\s*\([\dA-Z]+(?:\.\d+)?\))*)/g;
  for (const m of doc.matchAll(token)) {
    if (m[1]) {
      paper = PAPERS[m[1]];
      continue;
    }
    if (!paper) continue;
    const numbers = [m[2], ...[...(m[3] ?? '').matchAll(/\(([\dA-Z]+(?:\.\d+)?)\)/g)].map((x) => x[1])];
    for (const n of numbers) {
      const label = `Eq. (${n})`;
      if (n && !out.some((e) => e.paper === paper && e.label === label)) out.push({ paper, label });
    }
  }
  return out;
}

/** Where an `<Equation id paper label>` of a chapter sits. */
export interface EquationAnchor extends CitedEquation {
  id: string;
  chapter: string;
}

/** Every `<Equation id="eq-…" paper="…" label="…">` in the chapters' MDX (attributes in any order). */
export function equationAnchors(chapters: readonly { chapter: string; mdx: string }[]): EquationAnchor[] {
  const out: EquationAnchor[] = [];
  for (const { chapter, mdx } of chapters) {
    for (const tag of mdx.matchAll(/<Equation\b([^>]*?)\/?>/gs)) {
      const attrs = Object.fromEntries([...(tag[1] ?? '').matchAll(/\b(id|paper|label)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
      if (attrs.id && attrs.paper && attrs.label) out.push({ id: attrs.id, paper: attrs.paper, label: attrs.label, chapter });
    }
  }
  return out;
}
