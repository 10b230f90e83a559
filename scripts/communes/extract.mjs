// Extracts the compact commune list that Raccroche loads (territory module) from the data of the
// npm package @etalab/decoupage-administratif (MIT, Etalab). See docs/communes.md.
//
//   node extract.mjs <unpacked package dir> <output dir>
//
// Writes, named after the package version so that the file says where it comes from:
//   communes-<version>.tsv  code, name, département, kind, parent commune, postal codes, EPCI
//   epci-<version>.tsv      EPCI code (SIREN), name, type
//   departements-<version>.tsv  département code, name, region code
//   regions-<version>.tsv       region code, name
// kind: C current commune, A municipal arrondissement (Paris, Lyon, Marseille; parent = the
// commune), D delegated or associated commune and O former code of a merged commune (parent = the
// current commune that took it over). Sorted by code, so that a new version diffs line by line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [packageDir, outDir] = process.argv.slice(2);
if (!packageDir || !outDir) {
  console.error('usage: node extract.mjs <unpacked package dir> <output dir>');
  process.exit(2);
}
const read = (name) => JSON.parse(readFileSync(join(packageDir, name), 'utf8'));
const { version, name } = read('package.json');
if (name !== '@etalab/decoupage-administratif') {
  throw new Error(`not the expected package: ${name}`);
}
const communes = read('data/communes.json');
const epcis = read('data/epci.json');

const clean = (s) => String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim();
const epciOf = new Map();
for (const e of epcis) {
  for (const m of e.membres) epciOf.set(m.code, e.code);
}

const rows = new Map(); // code -> row; a current commune wins over any other use of its code
const put = (code, row, rank) => {
  const previous = rows.get(code);
  if (!previous || previous.rank > rank) rows.set(code, { ...row, rank });
};
for (const c of communes) {
  const postal = (c.codesPostaux ?? []).join(',');
  if (c.type === 'commune-actuelle') {
    put(c.code, { code: c.code, name: c.nom, dep: c.departement, kind: 'C', parent: '', postal, epci: epciOf.get(c.code) ?? '' }, 0);
    for (const old of c.anciensCodes ?? []) {
      put(old, { code: old, name: c.nom, dep: c.departement, kind: 'O', parent: c.code, postal, epci: epciOf.get(c.code) ?? '' }, 3);
    }
  } else if (c.type === 'arrondissement-municipal') {
    put(c.code, { code: c.code, name: c.nom, dep: c.departement, kind: 'A', parent: c.commune, postal, epci: epciOf.get(c.commune) ?? '' }, 1);
  } else if (c.type === 'commune-deleguee' || c.type === 'commune-associee') {
    const parent = c.chefLieu ?? c.communeAbsorbante ?? '';
    put(c.code, { code: c.code, name: c.nom, dep: c.departement, kind: 'D', parent, postal, epci: epciOf.get(parent) ?? '' }, 2);
  }
}
// Delegated communes and former codes carry no postal code of their own: their parent's.
const byCode = new Map([...rows.values()].map((r) => [r.code, r]));
for (const r of rows.values()) {
  if (!r.postal && r.parent && byCode.get(r.parent)) r.postal = byCode.get(r.parent).postal;
}

const header = '# Communes (COG) from @etalab/decoupage-administratif ' + version + ' (MIT, Etalab); extracted by scripts/communes/extract.mjs\n'
  + 'code\tname\tdepartement\tkind\tparent\tpostal_codes\tepci\n';
const lines = [...rows.values()]
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  .map((r) => [r.code, clean(r.name), r.dep, r.kind, r.parent, r.postal, r.epci].join('\t'));
writeFileSync(join(outDir, `communes-${version}.tsv`), header + lines.join('\n') + '\n');

const epciLines = epcis
  .map((e) => [e.code, clean(e.nom), clean(e.type)].join('\t'))
  .sort();
writeFileSync(
  join(outDir, `epci-${version}.tsv`),
  '# EPCI from @etalab/decoupage-administratif ' + version + ' (MIT, Etalab); extracted by scripts/communes/extract.mjs\n'
    + 'code\tname\ttype\n' + epciLines.join('\n') + '\n',
);
const departements = read('data/departements.json');
const regions = read('data/regions.json');
const byCodeOrder = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const depLines = departements
  .map((d) => [d.code, clean(d.nom), d.region])
  .sort(byCodeOrder)
  .map((r) => r.join('\t'));
writeFileSync(
  join(outDir, `departements-${version}.tsv`),
  '# Départements (COG) from @etalab/decoupage-administratif ' + version + ' (MIT, Etalab); extracted by scripts/communes/extract.mjs\n'
    + 'code\tname\tregion\n' + depLines.join('\n') + '\n',
);
const regionLines = regions
  .map((r) => [r.code, clean(r.nom)])
  .sort(byCodeOrder)
  .map((r) => r.join('\t'));
writeFileSync(
  join(outDir, `regions-${version}.tsv`),
  '# Régions (COG) from @etalab/decoupage-administratif ' + version + ' (MIT, Etalab); extracted by scripts/communes/extract.mjs\n'
    + 'code\tname\n' + regionLines.join('\n') + '\n',
);
console.log(`departements-${version}.tsv: ${depLines.length} départements; regions-${version}.tsv: ${regionLines.length} régions`);
console.log(`communes-${version}.tsv: ${lines.length} codes; epci-${version}.tsv: ${epciLines.length} EPCI`);
